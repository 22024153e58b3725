package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.spring.boot.starter.rest.spi.SpringBootProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The REST API finds its process engine in the platform's own classes, not after probing the
 * libraries: every REST request (the authentication filter, then the resource) asks {@code
 * EngineUtil.lookupProcessEngine}, a {@link ServiceLoader} of {@link ProcessEngineProvider} that
 * stops at the first class-path entry naming one. The platform's own {@code META-INF/services} file
 * comes first (before the webapp's and the REST starter's, which name the same default engine), so
 * the lookup reads one entry instead of probing the jars before the first library that has one: 4.9
 * % of the app's CPU in a P1 run (docs/benchmarks.md, run Z4).
 */
class RestEngineLookupTest extends IntegrationTest {

  private static final String SERVICES =
      "META-INF/services/" + ProcessEngineProvider.class.getName();

  @Autowired ProcessEngine engine;

  @Test
  void the_rest_api_finds_the_platforms_engine_through_the_platforms_own_services_file()
      throws Exception {
    List<URL> files =
        Collections.list(Thread.currentThread().getContextClassLoader().getResources(SERVICES));
    assertThat(files).hasSizeGreaterThan(1);
    assertThat(files.get(0).toString()).as("the platform's own file first").doesNotContain(".jar");
    assertThat(ServiceLoader.load(ProcessEngineProvider.class).findFirst())
        .get()
        .isInstanceOf(SpringBootProcessEngineProvider.class);
    assertThat(EngineUtil.lookupProcessEngine(null)).isSameAs(engine);
    assertThat(EngineUtil.lookupProcessEngine(engine.getName())).isSameAs(engine);
  }
}
