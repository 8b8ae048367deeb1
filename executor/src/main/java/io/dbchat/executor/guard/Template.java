package io.dbchat.executor.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * The rewritten SQL of a statement shape, cut at its numbered parameters: rendering it with another statement's
 * literals of the same shape gives that statement's rewritten SQL.
 */
record Template(List<String> parts, int[] places) {

    /**
     * Cuts the guard's rewrite of a marked text at its parameters {@code ?1}…{@code ?count} (outside quotes).
     * Returns {@code null} unless they first appear in order, each of them: a literal the rewrite dropped, moved or
     * invented is a sign that the shape cannot be trusted. A later repeat is kept (GROUP BY an output alias repeats
     * the aliased expression).
     */
    static Template of(String rewritten, int count) {
        List<String> parts = new ArrayList<>(count + 1);
        List<Integer> places = new ArrayList<>(count);
        int seen = 0;
        int from = 0;
        int i = 0;
        while (i < rewritten.length()) {
            char c = rewritten.charAt(i);
            if (c == '\'' || c == '"') {
                int close = rewritten.indexOf(c, i + 1);
                if (close < 0) {
                    return null;
                }
                i = close + 1; // a doubled quote inside reads as two quoted runs, which is the same here
            } else if (c == '?') {
                int end = i + 1;
                while (end < rewritten.length() && Character.isDigit(rewritten.charAt(end))) {
                    end++;
                }
                int place = end == i + 1 || end - i > 6 ? 0 : Integer.parseInt(rewritten, i + 1, end, 10);
                if (place < 1 || place > seen + 1 || place > count) {
                    return null;
                }
                seen = Math.max(seen, place);
                parts.add(rewritten.substring(from, i));
                places.add(place - 1);
                from = end;
                i = end;
            } else {
                i++;
            }
        }
        if (seen != count) {
            return null;
        }
        parts.add(rewritten.substring(from));
        return new Template(List.copyOf(parts), places.stream().mapToInt(Integer::intValue).toArray());
    }

    String render(List<Shape.Literal> literals) {
        StringBuilder out = new StringBuilder(parts.getLast().length() + 32 * (parts.size()));
        for (int i = 0; i < places.length; i++) {
            out.append(parts.get(i));
            literals.get(places[i]).appendTo(out);
        }
        return out.append(parts.getLast()).toString();
    }
}
