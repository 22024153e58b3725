package cn.gov.linfen.fenhe.workers.failures;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run the workers of the topics {@code fenhe.workers.pool.topics} (P5's acts, P1's
 * case steps): the external task client runs its workers one after the other on its one fetching
 * thread, so a task waited for every REST call before it (an act's two tasks; a P1 case's step for
 * the steps of the other cases fetched with it). Here the fetching thread hands each task of these
 * topics to {@code threads} threads (default 4) and fetches on. The queue holds at most {@code
 * queue} tasks (default 40, the client's max-tasks): when it is full the fetching thread runs the
 * task itself, so it never fetches more than the pool can work off within the lock (a task locked
 * is never waiting for longer than a queue's worth of REST calls).
 */
public final class WorkerPool implements Executor, AutoCloseable {

  public static final String PREFIX = "fenhe.workers.pool";

  private final List<String> topics;
  private final ThreadPoolExecutor executor;

  public WorkerPool(List<String> topics, int threads, int queue) {
    this.topics = List.copyOf(topics);
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queue)),
            r -> {
              Thread t = new Thread(r, "fenhe-worker-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
  }

  /** Whether the workers of this topic run on the pool. */
  public boolean serves(String topic) {
    return topics.contains(topic);
  }

  @Override
  public void execute(Runnable task) {
    executor.execute(task);
  }

  /** Stops taking tasks; the running ones finish (a task not completed is fetched again). */
  @Override
  public void close() {
    executor.shutdown();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
