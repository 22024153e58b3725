package cn.gov.linfen.fenhe.workbench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the {@link DeadlineNotifier} every {@code fenhe.workbench.deadline-scan-interval} on an
 * engine node (a workers-only node has no such bean).
 */
public class DeadlineScanSchedule implements SchedulingConfigurer {

  private static final Logger LOG = LoggerFactory.getLogger(DeadlineScanSchedule.class);

  private final DeadlineNotifier notifier;
  private final WorkbenchProperties properties;

  public DeadlineScanSchedule(DeadlineNotifier notifier, WorkbenchProperties properties) {
    this.notifier = notifier;
    this.properties = properties;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(
        new FixedDelayTask(
            this::run, properties.deadlineScanInterval(), properties.deadlineScanInterval()));
  }

  private void run() {
    try {
      notifier.scan();
    } catch (RuntimeException e) {
      // the next run tries again; nothing was told twice (dedup keys)
      LOG.warn("deadline scan failed: {}", e.getMessage());
    }
  }
}
