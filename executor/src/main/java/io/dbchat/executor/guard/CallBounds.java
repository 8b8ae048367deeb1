package io.dbchat.executor.guard;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;

/**
 * Allowlisted calls whose arguments set how much they build: a series of more than {@link #MAX_SERIES} numbers, and a
 * padded or formatted string wider than {@link #MAX_WIDTH} characters, are refused. lpad / rpad take only a literal
 * width and format only a literal template (a computed one could ask for a gigabyte); a numeric series between
 * computed bounds is left to the statement timeout and the plan check's cost bound.
 */
final class CallBounds {

    static final long MAX_SERIES = 1_000_000;
    static final long MAX_WIDTH = 10_000;

    /** A width in a format() template: %[position$][flags][width]type, the width a number or *. */
    private static final Pattern FORMAT_WIDTH = Pattern.compile("%(?:\\d+\\$)?-*(\\*|\\d+)");

    private CallBounds() {
    }

    /** Refuses the call of an allowlisted function {@code name} if its arguments ask for too much. */
    static void check(String name, List<? extends Expression> arguments) {
        List<? extends Expression> args = arguments == null ? List.of() : arguments;
        switch (name) {
            case "generate_series" -> series(args);
            case "lpad", "rpad" -> width(args);
            case "format" -> template(args);
            default -> {
                // nothing to bound
            }
        }
    }

    private static void series(List<? extends Expression> args) {
        // In a marked shape the bounds are markers: refusing there keeps the shape cache from answering later
        // statements of the shape by template, so each series is bounded by its own values.
        if (args.stream().limit(3).anyMatch(JdbcParameter.class::isInstance)) {
            throw Refusal.tooComplex("a series whose bounds are not known");
        }
        Double start = args.size() >= 2 ? number(args.get(0)) : null;
        Double stop = args.size() >= 2 ? number(args.get(1)) : null;
        Double step = args.size() >= 3 ? number(args.get(2)) : Double.valueOf(1);
        if (start == null || stop == null || step == null || step == 0) {
            return;
        }
        double count = Math.abs((stop - start) / step) + 1;
        if (count > MAX_SERIES) {
            throw Refusal.tooComplex("a series of more than " + MAX_SERIES + " values");
        }
    }

    private static void width(List<? extends Expression> args) {
        Double width = args.size() >= 2 && args.get(1) instanceof LongValue ? number(args.get(1)) : null;
        if (width == null || width > MAX_WIDTH) {
            throw Refusal.tooComplex("a padded string must have a literal width of at most " + MAX_WIDTH);
        }
    }

    private static void template(List<? extends Expression> args) {
        if (args.isEmpty() || !(args.getFirst() instanceof StringValue template)) {
            throw Refusal.tooComplex("format() needs a literal template");
        }
        Matcher m = FORMAT_WIDTH.matcher(template.getValue());
        while (m.find()) {
            if (m.group(1).equals("*") || m.group(1).length() > 9 || Long.parseLong(m.group(1)) > MAX_WIDTH) {
                throw Refusal.tooComplex("a format() width must be a number of at most " + MAX_WIDTH);
            }
        }
    }

    /** The value of a numeric literal, signed or not, however large; null for anything else. */
    private static Double number(Expression e) {
        return switch (e) {
            case LongValue v -> v.getBigIntegerValue().doubleValue();
            case DoubleValue v -> v.getValue();
            case SignedExpression s when number(s.getExpression()) instanceof Double v -> s.getSign() == '-' ? -v : v;
            case null, default -> null;
        };
    }
}
