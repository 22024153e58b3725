package cn.gov.linfen.fenhe.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What each engine error means for the person who met it: status and Chinese reason (issue 13, item
 * 2).
 */
class EngineErrorsTest {

  @Test
  void losing_a_race_is_a_409_conflict_with_a_chinese_reason() {
    EngineErrors.Answer answer =
        EngineErrors.of(
            "OptimisticLockingException",
            "ENGINE-03005 Execution of 'UPDATE TaskEntity[42]' failed. Entity was updated by another transaction concurrently.",
            500,
            null);
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.error().chinese()).contains("刷新后重试");
    assertThat(answer.error().english()).doesNotContain("TaskEntity");
  }

  @Test
  void claiming_a_claimed_task_is_a_409_and_completing_a_gone_task_a_404() {
    assertThat(
            EngineErrors.of(
                    "TaskAlreadyClaimedException",
                    "Task '1' is already claimed by someone else.",
                    500,
                    null)
                .status())
        .isEqualTo(409);
    EngineErrors.Answer gone =
        EngineErrors.of(
            "NullValueException", "Cannot find task with id 1: task is null", 500, null);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.error().chinese()).contains("不存在");
  }

  @Test
  void the_servers_own_failures_stay_500_without_internals() {
    EngineErrors.Answer answer =
        EngineErrors.of(
            "ProcessEngineException",
            "org.apache.ibatis.exceptions.PersistenceException: ### Error updating database",
            500,
            null);
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.error().english()).doesNotContain("ibatis");
  }

  @Test
  void messages_lose_class_names_and_reference_chains() {
    assertThat(
            EngineErrors.sanitized(
                "Cannot deserialize value of type `java.lang.Boolean` from String \"x\""
                    + " (through reference chain: org.camunda.bpm.engine.rest.dto.task.TaskQueryDto[\"active\"])"))
        .doesNotContain("java.lang.Boolean")
        .doesNotContain("TaskQueryDto");
    assertThat(
            EngineErrors.jsonField(
                "through reference chain: a.B[\"orQueries\"]->java.util.ArrayList[0]->a.C[\"assignee\"]"))
        .isEqualTo("assignee");
  }
}
