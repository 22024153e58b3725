package cn.gov.linfen.fenhe.engine;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Tasklist filter every user sees ({@code fenhe.tasklist.default-filter}, 我的待办: all
 * tasks the user may see), created when missing. It replaces the Spring Boot starter's {@code
 * camunda.bpm.filter.create}, which looks and creates without a lock: two engine nodes starting
 * together created the filter twice. Here the look and the creation are under the {@link
 * StartupLock}.
 */
public class TasklistFilter extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilter.class);

  private final String name;

  public TasklistFilter(String name) {
    this.name = name;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (name == null || name.isBlank()) {
      return;
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    FilterService filters = engine.getFilterService();
    StartupLock.around(
        configuration.getDataSource(),
        () -> {
          if (filters.createFilterQuery().filterName(name).count() == 0) {
            filters.saveFilter(filters.newTaskFilter(name));
            LOG.info("Created the Tasklist filter {}", name);
          }
        });
  }
}
