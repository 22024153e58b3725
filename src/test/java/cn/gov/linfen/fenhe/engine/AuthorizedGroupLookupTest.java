package cn.gov.linfen.fenhe.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.test.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link AuthorizedGroupLookup}: which of the caller's groups have an authorization, asked for
 * those groups only, answers what the engine's own lookup (every group of the table) answers — for
 * groups with a grant, with only a revoke, with only a per-task row, with none, for nulls, repeats
 * and more groups than one statement takes. Only groups seen in a row are remembered: a new grant
 * is seen by the next command, and a group whose rows are gone, still answered, changes no check.
 * The engine's checks through it: a group's revoke still takes effect.
 */
class AuthorizedGroupLookupTest extends IntegrationTest {

  @Autowired ProcessEngine engine;
  final String run = UUID.randomUUID().toString().substring(0, 8);
  final List<String> authorizations = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    authorizations.forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
  }

  String group(String name) {
    return "lookup-" + run + "-" + name;
  }

  void authorize(int type, String group, Resource resource, String resourceId) {
    Authorization authorization = engine.getAuthorizationService().createNewAuthorization(type);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    if (type == Authorization.AUTH_TYPE_REVOKE) {
      authorization.removePermission(Permissions.READ);
    } else {
      authorization.addPermission(Permissions.READ);
    }
    authorizations.add(engine.getAuthorizationService().saveAuthorization(authorization).getId());
  }

  <T> T inCommand(Command<T> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired()
        .execute(command);
  }

  /** The engine's answer (its own manager) and ours (the installed one), in one command. */
  List<List<String>> bothAnswers(List<String> groups) {
    return inCommand(
        context -> {
          assertThat(context.getAuthorizationManager()).isInstanceOf(AuthorizedGroupLookup.class);
          List<String> engines = new AuthorizationManager().filterAuthenticatedGroupIds(groups);
          List<String> ours = context.getAuthorizationManager().filterAuthenticatedGroupIds(groups);
          return List.of(engines, ours);
        });
  }

  @Test
  void the_callers_groups_with_an_authorization_are_the_engines_answer() {
    authorize(Authorization.AUTH_TYPE_GRANT, group("grant"), Resources.PROCESS_DEFINITION, "*");
    authorize(Authorization.AUTH_TYPE_REVOKE, group("revoke"), Resources.PROCESS_DEFINITION, "p1");
    authorize(Authorization.AUTH_TYPE_GRANT, group("task"), Resources.TASK, "task-" + run);
    List<String> asked =
        Arrays.asList(
            group("grant"),
            group("revoke"),
            null,
            group("task"),
            group("none"),
            group("grant"),
            "demo-reform-office-unknown-" + run);

    List<List<String>> answers = bothAnswers(asked);

    assertThat(answers.get(1))
        .containsExactlyInAnyOrder(group("grant"), group("revoke"), group("task"))
        .containsExactlyInAnyOrderElementsOf(answers.get(0));
  }

  @Test
  void the_policys_groups_and_empty_or_null_lists_answer_as_the_engine_does() {
    // the identity policy's groups (demo profile): most have grants, some none
    List<String> policy =
        engine.getIdentityService().createGroupQuery().list().stream().map(g -> g.getId()).toList();
    assertThat(policy).isNotEmpty();
    List<List<String>> answers = bothAnswers(policy);
    // beyond the engine's answer only groups once seen in a row (their rows deleted since)
    assertThat(answers.get(1)).isNotEmpty().containsAll(answers.get(0));
    assertThat(answers.get(1))
        .filteredOn(g -> !answers.get(0).contains(g))
        .allMatch(AuthorizedGroupLookup.SEEN::contains);
    assertThat(bothAnswers(List.of())).containsOnly(List.of());
    assertThat(bothAnswers(null)).containsOnly(List.of());
  }

  @Test
  void more_groups_than_one_statement_takes_are_all_asked() {
    int count = 2 * AuthorizedGroupLookup.CHUNK + 50;
    List<String> groups = IntStream.range(0, count).mapToObj(i -> group("g" + i)).toList();
    List<String> granted =
        List.of(groups.get(3), groups.get(AuthorizedGroupLookup.CHUNK + 7), groups.get(count - 1));
    granted.forEach(
        g -> authorize(Authorization.AUTH_TYPE_GRANT, g, Resources.PROCESS_DEFINITION, "*"));

    List<List<String>> answers = bothAnswers(groups);

    assertThat(answers.get(1))
        .containsExactlyInAnyOrderElementsOf(granted)
        .containsExactlyInAnyOrderElementsOf(answers.get(0));
  }

  @Test
  void a_grant_written_after_a_command_is_seen_by_the_next_command() {
    List<String> asked = List.of(group("late"));
    assertThat(bothAnswers(asked).get(1)).isEmpty();
    authorize(Authorization.AUTH_TYPE_GRANT, group("late"), Resources.PROCESS_DEFINITION, "*");
    assertThat(bothAnswers(asked).get(1)).containsExactly(group("late"));
  }

  @Test
  void a_group_whose_last_row_is_gone_is_still_answered_and_every_check_answers_as_without_it() {
    authorize(
        Authorization.AUTH_TYPE_GRANT, group("gone"), Resources.PROCESS_DEFINITION, "p-" + run);
    authorize(
        Authorization.AUTH_TYPE_REVOKE,
        group("gone-revoke"),
        Resources.PROCESS_DEFINITION,
        "x-" + run);
    authorize(Authorization.AUTH_TYPE_GRANT, group("stays"), Resources.PROCESS_DEFINITION, "*");
    List<String> asked = List.of(group("gone"), group("gone-revoke"), group("stays"));
    assertThat(bothAnswers(asked).get(1)).containsExactlyElementsOf(asked);
    String user = "lookup-user-" + run;
    assertThat(readable(user, List.of(group("gone")), "p-" + run)).isTrue();
    assertThat(readable(user, List.of(group("stays"), group("gone-revoke")), "x-" + run)).isFalse();

    // the rows of "gone" and "gone-revoke" are deleted; the lookup remembers both groups
    authorizations
        .subList(0, 2)
        .forEach(id -> engine.getAuthorizationService().deleteAuthorization(id));
    authorizations.subList(0, 2).clear();
    List<List<String>> answers = bothAnswers(asked);
    assertThat(answers.get(0)).containsExactly(group("stays"));
    assertThat(answers.get(1)).containsExactlyElementsOf(asked);

    // and the checks answer as if the groups had been dropped
    for (String definition : List.of("p-" + run, "x-" + run)) {
      assertThat(readable(user, List.of(group("gone")), definition))
          .isEqualTo(readable(user, List.of(), definition))
          .isFalse();
      assertThat(readable(user, asked, definition))
          .isEqualTo(readable(user, List.of(group("stays")), definition))
          .isTrue();
    }
  }

  @Test
  void a_groups_revoke_still_takes_effect_in_the_engines_checks() {
    // group level: the revoke on one definition beats the other group's grant on every definition
    authorize(Authorization.AUTH_TYPE_GRANT, group("granting"), Resources.PROCESS_DEFINITION, "*");
    authorize(
        Authorization.AUTH_TYPE_REVOKE, group("revoked"), Resources.PROCESS_DEFINITION, "p-" + run);
    String user = "lookup-user-" + run;
    List<String> withRevoke = List.of(group("granting"), group("revoked"), group("none"));
    List<String> withoutRevoke = List.of(group("granting"), group("none"));

    assertThat(readable(user, withRevoke, "p-" + run)).isFalse();
    assertThat(readable(user, withRevoke, "other-" + run)).isTrue();
    assertThat(readable(user, withoutRevoke, "p-" + run)).isTrue();
  }

  boolean readable(String user, List<String> groups, String definition) {
    return engine
        .getAuthorizationService()
        .isUserAuthorized(user, groups, Permissions.READ, Resources.PROCESS_DEFINITION, definition);
  }
}
