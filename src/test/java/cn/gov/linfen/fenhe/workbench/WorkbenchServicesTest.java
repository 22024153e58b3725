package cn.gov.linfen.fenhe.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.identity.PersonNames;
import cn.gov.linfen.fenhe.security.CredentialsCacheProperties;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.security.VerifiedCredentials;
import cn.gov.linfen.fenhe.test.IntegrationTest;
import cn.gov.linfen.fenhe.workbench.CaseEvent.Action;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notification.Notice;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The workbench's shared services on the test database: events, notifications, copies. */
class WorkbenchServicesTest extends IntegrationTest {

  @Autowired CaseEvents events;
  @Autowired Notifications notifications;
  @Autowired CaseCopies copies;
  @Autowired JdbcTemplate jdbc;
  @Autowired FenheClock clock;
  @Autowired IdentityService identityService;
  @Autowired PlatformTransactionManager transactions;
  @Autowired PersonNames names;

  private static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void events_of_a_case_are_kept_in_order_with_their_targets_and_reasons() {
    String instance = id();
    CaseEvent transfer =
        events.record(
            CaseEvent.of(instance, "BK-1", Action.TRANSFER, "demo-reform-office")
                .withTask("t1", "UserTask_Review", "市企改办审核")
                .withTarget("demo-sasac", null)
                .withReason("我出差，请代办"));
    events.record(
        CaseEvent.of(instance, "BK-1", Action.CC, "demo-sasac").withTarget(null, "finance-bureau"));
    events.record(CaseEvent.of(id(), "BK-2", Action.URGE, "demo-sasac"));

    List<CaseEvent> timeline = events.forCase(instance);
    assertThat(timeline).hasSize(2);
    assertThat(timeline.get(0).id()).isEqualTo(transfer.id());
    assertThat(timeline.get(0).action()).isEqualTo(Action.TRANSFER);
    assertThat(timeline.get(0).activityName()).isEqualTo("市企改办审核");
    assertThat(timeline.get(0).targetUserId()).isEqualTo("demo-sasac");
    assertThat(timeline.get(0).reason()).isEqualTo("我出差，请代办");
    assertThat(timeline.get(0).createdAt()).isNotNull();
    assertThat(timeline.get(1).targetGroupId()).isEqualTo("finance-bureau");
    assertThat(events.forTask("t1")).extracting(CaseEvent::id).containsExactly(transfer.id());
  }

  @Test
  void a_group_notice_reaches_every_member_and_only_its_owner_reads_it() {
    String task = id();
    List<Notification> sent =
        notifications.notifyGroup(
            "reform-office", Notice.of(Kind.TASK_NEW, "BK-N", id(), task, "新待办：市企改办审核", "请办理"));
    assertThat(sent).extracting(Notification::userId).contains("demo-reform-office");
    Notification mine =
        sent.stream().filter(n -> n.userId().equals("demo-reform-office")).findFirst().get();

    assertThat(notifications.count("demo-reform-office", true)).isGreaterThanOrEqualTo(1);
    assertThat(notifications.markRead("demo-sasac", mine.id())).isFalse();
    assertThat(notifications.find("demo-reform-office", mine.id()).get().unread()).isTrue();
    assertThat(notifications.markRead("demo-reform-office", mine.id())).isTrue();
    assertThat(notifications.find("demo-reform-office", mine.id()).get().unread()).isFalse();
    assertThat(notifications.list("demo-reform-office", true, 0, 100))
        .extracting(Notification::id)
        .doesNotContain(mine.id());
  }

  @Test
  void new_task_notices_keep_a_groups_members_until_identities_change_here_or_their_time_ends()
      throws Exception {
    String group = "notice-" + id().substring(0, 8);
    Group created = identityService.newGroup(group);
    created.setName("通知测试组");
    identityService.saveGroup(created);
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String user = group + "-u" + i;
      identityService.saveUser(identityService.newUser(user));
      users.add(user);
    }
    identityService.createMembership(users.get(0), group);
    try {
      keptMembersFor(group, users);
    } finally {
      users.forEach(identityService::deleteUser);
      identityService.deleteGroup(group);
    }
  }

  private void keptMembersFor(String group, List<String> users) throws InterruptedException {
    // the application's notifications keep the members with its verified credentials
    assertThat(notifications.membersToTell(List.of(group))).containsExactly(users.get(0));
    // a membership written past this node's engine (another node's): not seen by the notices
    // until this node's identities change or the credentials' time ends; seen by members()
    jdbc.update(
        "INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES (?, ?)", users.get(1), group);
    assertThat(notifications.membersToTell(List.of(group))).containsExactly(users.get(0));
    assertThat(notifications.members(List.of(group)))
        .containsExactlyInAnyOrder(users.get(0), users.get(1));
    // a membership made by this node's engine: the kept members are forgotten at once
    identityService.createMembership(users.get(2), group);
    assertThat(notifications.membersToTell(List.of(group)))
        .containsExactlyInAnyOrderElementsOf(users);

    // with a time of one second, another node's change is seen after it
    Notifications shortLived = keepingFor(Duration.ofSeconds(1));
    assertThat(shortLived.membersToTell(List.of(group))).containsExactlyInAnyOrderElementsOf(users);
    jdbc.update(
        "DELETE FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = ? AND GROUP_ID_ = ?", users.get(1), group);
    assertThat(shortLived.membersToTell(List.of(group))).contains(users.get(1));
    Thread.sleep(1_100);
    assertThat(shortLived.membersToTell(List.of(group)))
        .containsExactlyInAnyOrder(users.get(0), users.get(2));
    // without the credentials' cache (time 0s) they are asked every time
    Notifications unkept = keepingFor(Duration.ZERO);
    assertThat(unkept.membersToTell(List.of(group)))
        .containsExactlyInAnyOrder(users.get(0), users.get(2));
    jdbc.update(
        "INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) VALUES (?, ?)", users.get(1), group);
    assertThat(unkept.membersToTell(List.of(group))).containsExactlyInAnyOrderElementsOf(users);
  }

  /** Notifications whose verified credentials (and so the notices' members) are kept this long. */
  private Notifications keepingFor(Duration time) {
    return new Notifications(
        jdbc,
        clock,
        identityService,
        notification -> {},
        transactions,
        new VerifiedCredentials(new CredentialsCacheProperties(time, 100)));
  }

  @Test
  void a_notice_with_a_dedup_key_is_stored_once_per_user() {
    String task = id();
    Notice near =
        Notice.of(Kind.DEADLINE_NEAR, "BK-D", id(), task, "即将到期", "还剩 1 个工作日")
            .once("deadline-near:" + task);
    assertThat(notifications.notifyUser("demo-sasac", near)).isPresent();
    assertThat(notifications.notifyUser("demo-sasac", near)).isEmpty();
    assertThat(notifications.notifyUser("demo-finance-bureau", near)).isPresent();
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM fenhe_notification WHERE task_id = ?", Integer.class, task))
        .isEqualTo(2);
  }

  @Test
  void the_sender_is_called_after_commit_and_never_for_a_rolled_back_notice() {
    List<Notification> sentOut = new ArrayList<>();
    Notifications recording =
        new Notifications(jdbc, clock, identityService, sentOut::add, transactions);
    TransactionTemplate tx = new TransactionTemplate(transactions);
    String kept = id();
    String rolledBack = id();

    tx.executeWithoutResult(
        status -> {
          recording.notifyUser(
              "demo-sasac", Notice.of(Kind.URGED, "BK-S", kept, null, "催办", "请尽快办理"));
          assertThat(sentOut).isEmpty();
        });
    assertThat(sentOut).extracting(Notification::processInstanceId).containsExactly(kept);

    tx.executeWithoutResult(
        status -> {
          recording.notifyUser(
              "demo-sasac", Notice.of(Kind.URGED, "BK-S", rolledBack, null, "催办", "请尽快办理"));
          status.setRollbackOnly();
        });
    assertThat(sentOut).extracting(Notification::processInstanceId).containsExactly(kept);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM fenhe_notification WHERE process_instance_id = ?",
                Integer.class,
                rolledBack))
        .isZero();
  }

  @Test
  void a_copied_user_reads_the_case_and_a_group_copy_reaches_its_members_once() {
    String instance = id();
    List<String> added =
        copies.copy(
            instance,
            "BK-C",
            List.of("demo-sasac"),
            List.of("reform-office"),
            "demo-finance-bureau",
            "请知悉");
    assertThat(added).contains("demo-sasac", "demo-reform-office");
    assertThat(copies.copy(instance, "BK-C", List.of("demo-sasac"), List.of(), "x", null))
        .isEmpty();

    FenheUser sasac = new FenheUser("demo-sasac", List.of("sasac"));
    FenheUser stranger = new FenheUser("demo-tax-bureau", List.of("tax-bureau"));
    assertThat(copies.reads(sasac, instance)).isTrue();
    assertThat(copies.reads(stranger, instance)).isFalse();

    assertThat(copies.forCase(instance))
        .filteredOn(c -> c.userId().equals("demo-reform-office"))
        .singleElement()
        .satisfies(c -> assertThat(c.groupId()).isEqualTo("reform-office"));
    copies.markRead("demo-sasac", instance);
    assertThat(copies.forCase(instance))
        .filteredOn(c -> c.userId().equals("demo-sasac"))
        .singleElement()
        .satisfies(c -> assertThat(c.unread()).isFalse());
  }

  @Test
  void people_are_named_by_their_names_and_by_their_id_only_when_they_have_none() {
    String named = "wb-names-" + id().substring(0, 8);
    String nameless = "wb-nameless-" + id().substring(0, 8);
    var zhang = identityService.newUser(named);
    zhang.setLastName("张");
    zhang.setFirstName("三");
    identityService.saveUser(zhang);
    identityService.saveUser(identityService.newUser(nameless));
    try {
      assertThat(names.of(named)).isEqualTo("张三");
      assertThat(names.of(nameless)).isEqualTo(nameless);
      assertThat(names.of("no-such-user")).isEqualTo("no-such-user");
      assertThat(names.of((String) null)).isNull();
      assertThat(names.of(Arrays.asList(nameless, null, named, named)))
          .containsExactly(Map.entry(nameless, nameless), Map.entry(named, "张三"));
    } finally {
      identityService.deleteUser(named);
      identityService.deleteUser(nameless);
    }
  }
}
