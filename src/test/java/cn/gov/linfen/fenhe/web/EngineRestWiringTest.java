package cn.gov.linfen.fenhe.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine REST API as wired (issue 20): Camunda's object mapper made once ({@link
 * SharedRestObjectMapper}) in place of Camunda's resolver, and the look-up of the engine through
 * {@link EngineProviderLookupFilter}; the API answers as before, dates in Camunda's format.
 */
class EngineRestWiringTest extends IntegrationTest {

  @Autowired CamundaJerseyResourceConfig resources;

  @Test
  void the_shared_mapper_replaces_camundas_resolver_and_the_api_answers_in_its_format() {
    assertThat(resources.getClasses())
        .contains(SharedRestObjectMapper.class)
        .doesNotContain(JacksonConfigurator.class);

    Http admin = Http.as(baseUrl(), "admin", DEMO_PASSWORD);
    Http.Response engine = admin.get("/engine-rest/engine");
    assertThat(engine.status()).isEqualTo(200);
    assertThat(engine.json().get(0).get("name").asText()).isEqualTo("default");
    Http.Response definitions =
        admin.get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=desc&maxResults=1");
    assertThat(definitions.status()).isEqualTo(200);
    // Camunda's date format: 2026-12-06T19:12:25.123+0000
    assertThat(definitions.json().get(0).get("deploymentTime").asText())
        .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}");
  }
}
