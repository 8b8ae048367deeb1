package io.dbchat.standalone;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test classes that use the {@link SharedDemo} system last and one after another, the others first in the
 * order they came in: the shared system starts with the first of its classes and is closed at the end of the run,
 * so it never runs idle beside the systems other classes start (configured in junit-platform.properties).
 */
public final class SharedDemoLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(
                d -> d.findAnnotation(ExtendWith.class).map(e -> Arrays.asList(e.value()).contains(SharedDemo.class))
                        .orElse(false)));
    }
}
