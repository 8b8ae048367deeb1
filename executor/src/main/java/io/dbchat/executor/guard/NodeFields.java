package io.dbchat.executor.guard;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Default-deny over a parse node's fields: every field that the guard does not name as handled must hold its
 * default (null, false, zero, empty, or what a freshly built node holds). A parser upgrade that adds a clause to
 * a node therefore refuses statements using it until the guard decides what the clause means. Fields of the JDK
 * classes a node extends (an expression list is an ArrayList) are its contents, not clauses. Written by hand:
 * JSqlParser offers visitors that skip unknown children, which is the default-allow this class exists to avoid.
 */
final class NodeFields {

    /** Parse-tree bookkeeping present on every node: positions and tokens, never SQL semantics. */
    private static final Set<String> BOOKKEEPING = Set.of("node");

    private static final ClassValue<List<Slot>> SLOTS = new ClassValue<>() {
        @Override
        protected List<Slot> computeValue(Class<?> type) {
            return slots(type);
        }
    };

    private record Slot(Field field, Object prototype, boolean hasPrototype) {
    }

    private NodeFields() {
    }

    /** Refuses {@code node} if a field outside {@code handled} holds anything but its default. */
    static void onlyHandled(Object node, Set<String> handled) {
        for (Slot slot : SLOTS.get(node.getClass())) {
            if (handled.contains(slot.field().getName())) {
                continue;
            }
            Object value = read(slot.field(), node);
            if (!isDefault(value, slot)) {
                throw Refusal.construct("a clause the guard cannot check ("
                        + node.getClass().getSimpleName() + "." + slot.field().getName() + ")");
            }
        }
    }

    private static boolean isDefault(Object value, Slot slot) {
        if (value == null || Boolean.FALSE.equals(value)
                || value instanceof Number n && n.longValue() == 0 && n.doubleValue() == 0
                || value instanceof Character c && c == 0
                || value instanceof Collection<?> c && c.isEmpty()
                || value instanceof Map<?, ?> m && m.isEmpty()) {
            return true;
        }
        return slot.hasPrototype() && Objects.equals(value, slot.prototype());
    }

    private static List<Slot> slots(Class<?> type) {
        Object prototype = prototype(type);
        List<Slot> out = new ArrayList<>();
        for (Class<?> c = type; c != null && !c.getName().startsWith("java."); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || BOOKKEEPING.contains(f.getName())) {
                    continue;
                }
                f.setAccessible(true);
                out.add(new Slot(f, prototype == null ? null : read(f, prototype), prototype != null));
            }
        }
        return List.copyOf(out);
    }

    private static Object prototype(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null;
        }
    }

    private static Object read(Field field, Object node) {
        try {
            return field.get(node);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
