package cn.gov.linfen.fenhe.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.Http;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document describes the whole platform API, in Chinese, to logged-in users only: every
 * request mapping of a Fenhe controller is in it with a Chinese summary.
 */
class OpenApiDocumentTest extends IntegrationTest {

  static final Pattern CHINESE = Pattern.compile("[\\u4e00-\\u9fff]");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void every_platform_endpoint_is_described_with_a_chinese_summary() {
    Http.Response document =
        Http.as(baseUrl(), "demo-reform-office", DEMO_PASSWORD).get("/api/openapi");
    assertThat(document.status()).as(document.toString()).isEqualTo(200);
    JsonNode paths = document.json().get("paths");
    assertThat(document.json().get("info").get("title").asText()).containsPattern(CHINESE);

    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      HandlerMethod handler = entry.getValue();
      if (!handler.getBeanType().getPackageName().startsWith("cn.gov.linfen.fenhe")) {
        continue;
      }
      for (String path : info.getPatternValues()) {
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          checked++;
          JsonNode operation = paths.path(path).path(method.name().toLowerCase(Locale.ROOT));
          String summary = operation.path("summary").asText("");
          if (operation.isMissingNode() || !CHINESE.matcher(summary).find()) {
            missing.add(method + " " + path + " (" + handler.getMethod().getName() + ")");
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(30);
    assertThat(missing).as("endpoints without a Chinese summary in /api/openapi").isEmpty();
    assertThat(paths.path("/api/workbench/todo").path("get").path("tags").get(0).asText())
        .isEqualTo("工作台列表");
    // the lists' parameters, declared once (workbench.ListParameters), are described on each list
    for (String list : List.of("todo", "done", "started", "cc")) {
      JsonNode parameters = paths.path("/api/workbench/" + list).path("get").path("parameters");
      List<String> described = new ArrayList<>();
      parameters.forEach(
          p -> {
            if ("query".equals(p.path("in").asText())
                && CHINESE.matcher(p.path("description").asText()).find()) {
              described.add(p.path("name").asText());
            }
          });
      assertThat(described).as(list).contains("page", "size", "q", "procedure");
    }
  }

  @Test
  void the_document_and_swagger_ui_are_for_logged_in_users_only() {
    Http anonymous = Http.anonymous(baseUrl());
    assertThat(anonymous.get("/api/openapi").status()).isEqualTo(401);
    assertThat(anonymous.get("/api/swagger-ui.html").status()).isEqualTo(401);
    assertThat(anonymous.get("/v3/api-docs").status()).isNotEqualTo(200);
    Http.Response ui = Http.as(baseUrl(), "demo-sasac", DEMO_PASSWORD).get("/api/swagger-ui.html");
    assertThat(ui.status()).as(ui.toString()).isIn(200, 302);
  }
}
