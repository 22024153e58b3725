package cn.gov.linfen.fenhe.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;

/**
 * Camunda's object mapper for the engine REST API, configured as Camunda configures it ({@link
 * JacksonConfigurator#configureObjectMapper}), but once: Camunda's resolver builds a new mapper at
 * every call, and the REST API asks for one at every request (the task, process-instance and
 * external-task resources, the JSON provider), about 2 % of the application's CPU in the benchmark
 * (docs/benchmarks.md, issue 20). A mapper is safe to share once configured; the REST API only
 * reads and writes with it (no class of the REST API changes its configuration).
 */
public class SharedRestObjectMapper extends JacksonConfigurator {

  private volatile ObjectMapper shared;

  @Override
  public ObjectMapper getContext(Class<?> type) {
    ObjectMapper mapper = shared;
    if (mapper == null) {
      synchronized (this) {
        if (shared == null) {
          shared = configureObjectMapper(new ObjectMapper());
        }
        mapper = shared;
      }
    }
    return mapper;
  }
}
