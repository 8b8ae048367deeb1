package io.dbchat.executor.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.sf.jsqlparser.expression.ExpressionVisitor;
import net.sf.jsqlparser.statement.select.FromItemVisitor;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default-deny, checked against the parser itself: every node type of JSqlParser's expression, FROM-item and query
 * visitors has an explicit decision (a method declared by the guard's own class, accepting with its children checked
 * or refusing), never an inherited default. A parser upgrade that adds a node type fails here until it is decided.
 */
class VisitorCoverageTest {

    record Pair(Class<?> visitor, Class<?> implementation) {
        @Override
        public String toString() {
            return implementation.getSimpleName() + " implements " + visitor.getSimpleName();
        }
    }

    static List<Pair> pairs() {
        return List.of(new Pair(ExpressionVisitor.class, ExpressionChecker.class),
                new Pair(FromItemVisitor.class, FromResolver.class),
                new Pair(SelectVisitor.class, QueryWalker.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void everyNodeTypeOfTheVisitorHasAnExplicitDecision(Pair pair) {
        List<String> undecided = new ArrayList<>();
        List<Method> nodes = nodeMethods(pair.visitor());
        for (Method method : nodes) {
            try {
                Method own = pair.implementation().getDeclaredMethod(method.getName(), method.getParameterTypes());
                assertThat(own.isBridge()).isFalse();
            } catch (NoSuchMethodException missing) {
                undecided.add(method.getParameterTypes()[0].getName());
            }
        }

        assertThat(nodes).as("node types of %s", pair.visitor().getSimpleName()).isNotEmpty();
        assertThat(undecided).as("node types %s leaves to a default", pair.implementation().getSimpleName()).isEmpty();
    }

    @Test
    void theExpressionVisitorCoversOverOneHundredNodeTypes() {
        assertThat(nodeMethods(ExpressionVisitor.class)).hasSizeGreaterThan(100);
    }

    /** The visitor's context-taking methods, one per node type: {@code <S> T visit(Node, S)}, abstract or default. */
    private static List<Method> nodeMethods(Class<?> visitor) {
        return Arrays.stream(visitor.getMethods())
                .filter(m -> m.getName().equals("visit") && m.getParameterCount() == 2)
                .filter(m -> m.getParameterTypes()[1] == Object.class)
                .toList();
    }
}
