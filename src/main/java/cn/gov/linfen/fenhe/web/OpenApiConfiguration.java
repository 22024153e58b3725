package cn.gov.linfen.fenhe.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the platform's own API ({@code /api/openapi}, Swagger UI at {@code
 * /api/swagger-ui.html}), generated from the controllers by springdoc; under {@code /api}, so only
 * logged-in users read it. {@code OpenApiDocumentTest} keeps it in step with the controllers.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

  @Bean
  OpenAPI fenheOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("汾河政务服务平台接口")
                .version("1")
                .description(
                    "平台自身的接口（/api）：工作台、案件、消息、各事项和工作日日历。需登录后使用；"
                        + "拒绝时返回 4xx 和中文原因（reason）。流程引擎的接口见 /engine-rest。"));
  }
}
