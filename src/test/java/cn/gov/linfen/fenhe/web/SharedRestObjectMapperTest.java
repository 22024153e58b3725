package cn.gov.linfen.fenhe.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.dto.task.TaskDto;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;

/** {@link SharedRestObjectMapper}: Camunda's REST mapper, made once (issue 20). */
class SharedRestObjectMapperTest {

  @Test
  void one_mapper_for_every_request_and_type() {
    SharedRestObjectMapper resolver = new SharedRestObjectMapper();
    ObjectMapper first = resolver.getContext(TaskDto.class);
    assertThat(resolver.getContext(TaskDto.class)).isSameAs(first);
    assertThat(resolver.getContext(Map.class)).isSameAs(first);
    // Camunda's own resolver makes a new one each time
    JacksonConfigurator camunda = new JacksonConfigurator();
    assertThat(camunda.getContext(TaskDto.class)).isNotSameAs(camunda.getContext(TaskDto.class));
  }

  @Test
  void configured_as_camundas_mapper_reads_and_writes_the_same_json() throws Exception {
    ObjectMapper shared = new SharedRestObjectMapper().getContext(Object.class);
    ObjectMapper camunda = new JacksonConfigurator().getContext(Object.class);
    assertThat(shared.getSerializationConfig().getSerializationFeatures())
        .isEqualTo(camunda.getSerializationConfig().getSerializationFeatures());
    assertThat(shared.getDeserializationConfig().getDeserializationFeatures())
        .isEqualTo(camunda.getDeserializationConfig().getDeserializationFeatures());

    Map<String, Object> value = new LinkedHashMap<>();
    value.put("created", new Date(1791331200000L)); // 2026-10-07, after National Day
    value.put("name", "初审");
    value.put("assignee", null);
    value.put("amounts", List.of(270000, 0.5));
    String json = camunda.writeValueAsString(value);
    assertThat(shared.writeValueAsString(value)).isEqualTo(json).contains("2026-10-0");
    assertThat(shared.readTree(json)).isEqualTo(camunda.readTree(json));

    TaskDto task =
        camunda.readValue(
            "{\"id\":\"t1\",\"name\":\"初审\",\"due\":\"2026-10-10T18:00:00.000+0800\"}",
            TaskDto.class);
    TaskDto same =
        shared.readValue(
            "{\"id\":\"t1\",\"name\":\"初审\",\"due\":\"2026-10-10T18:00:00.000+0800\"}",
            TaskDto.class);
    assertThat(same.getDue()).isEqualTo(task.getDue()).isNotNull();
    assertThat(shared.writeValueAsString(same)).isEqualTo(camunda.writeValueAsString(task));
  }
}
