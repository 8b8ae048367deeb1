package io.dbchat.contracts.async;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.processor.TaskId;

/**
 * The queries a stage was told to stop, by task: whoever reads the cancellations in a task (on its stream thread)
 * tells them here, and the async processor of the same task takes them at its next collection. Per task, because a
 * task's calls and its cancellations share its partitions (both keyed by conversation), and its thread.
 */
final class CallStops {

    /** One query to stop, with the key (conversation) its calls are queued under. */
    record Stop(String key, String queryId) {
    }

    private final Map<TaskId, Queue<Stop>> byTask = new ConcurrentHashMap<>();

    /** Ignored when no processor of the task is open: then it has no call to stop. */
    void tell(TaskId task, String key, String queryId) {
        Queue<Stop> stops = byTask.get(task);
        if (stops != null && key != null && queryId != null) {
            stops.add(new Stop(key, queryId));
        }
    }

    /** The queue of a task's processor being initialised; replaces the one of an earlier run of the task. */
    Queue<Stop> open(TaskId task) {
        Queue<Stop> stops = new ConcurrentLinkedQueue<>();
        byTask.put(task, stops);
        return stops;
    }

    void close(TaskId task, Queue<Stop> stops) {
        byTask.remove(task, stops);
    }
}
