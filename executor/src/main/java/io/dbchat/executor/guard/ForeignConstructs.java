package io.dbchat.executor.guard;

import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.KeepExpression;
import net.sf.jsqlparser.expression.MySQLGroupConcat;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NumericBind;
import net.sf.jsqlparser.expression.OracleHierarchicalExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.XMLSerializeExpr;

/**
 * Refuses the expression forms that are no part of a plain PostgreSQL query, or that would reach outside
 * it: bind parameters, variables, sequences, and other dialects' constructs the parser also understands.
 */
abstract class ForeignConstructs extends ExpressionVisitorAdapter<Void> {

    @Override
    public <S> Void visit(NextValExpression e, S context) {
        throw Refusal.function("nextval");
    }

    @Override
    public <S> Void visit(JdbcParameter e, S context) {
        throw Refusal.construct("a bind parameter");
    }

    @Override
    public <S> Void visit(JdbcNamedParameter e, S context) {
        throw Refusal.construct("a bind parameter");
    }

    @Override
    public <S> Void visit(NumericBind e, S context) {
        throw Refusal.construct("a bind parameter");
    }

    @Override
    public <S> Void visit(UserVariable e, S context) {
        throw Refusal.construct("a variable");
    }

    @Override
    public <S> Void visit(VariableAssignment e, S context) {
        throw Refusal.construct("a variable");
    }

    @Override
    public <S> Void visit(OracleHierarchicalExpression e, S context) {
        throw Refusal.construct("CONNECT BY");
    }

    @Override
    public <S> Void visit(KeepExpression e, S context) {
        throw Refusal.construct("KEEP");
    }

    @Override
    public <S> Void visit(MySQLGroupConcat e, S context) {
        throw Refusal.function("group_concat");
    }

    @Override
    public <S> Void visit(XMLSerializeExpr e, S context) {
        throw Refusal.function("xmlserialize");
    }

    @Override
    public <S> Void visit(TranscodingFunction e, S context) {
        throw Refusal.function("convert");
    }

    @Override
    public <S> Void visit(JsonFunction e, S context) {
        throw Refusal.function("json_object");
    }

    @Override
    public <S> Void visit(JsonAggregateFunction e, S context) {
        throw Refusal.function("json_objectagg");
    }
}
