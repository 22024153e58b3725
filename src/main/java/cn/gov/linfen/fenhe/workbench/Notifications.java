package cn.gov.linfen.fenhe.workbench;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.VerifiedCredentials;
import cn.gov.linfen.fenhe.workbench.Notification.Kind;
import cn.gov.linfen.fenhe.workbench.Notification.Notice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People's messages ({@code fenhe_notification}): stored in the caller's transaction (e.g. the
 * engine command that created a task), handed to the {@link NotificationSender} after it commits,
 * listed and marked read by their owner only.
 */
public class Notifications {

  private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

  /** The most members one group notice reaches (a larger group is a configuration mistake). */
  static final int MAX_GROUP_MEMBERS = 2_000;

  static final int TITLE_LENGTH = 200;
  static final int BODY_LENGTH = 2_000;

  private static final String COLUMNS =
      "id, user_id, kind, business_key, process_instance_id, task_id, title, body, created_at,"
          + " read_at";

  /** The columns a new notification is stored in, its {@code id} aside (generated). */
  private static final List<String> STORED =
      List.of(
          "user_id",
          "kind",
          "business_key",
          "process_instance_id",
          "task_id",
          "title",
          "body",
          "dedup_key",
          "created_at");

  private final JdbcTemplate jdbc;
  private final FenheClock clock;
  private final IdentityService identity;
  private final NotificationSender sender;
  private final TransactionTemplate savepoint;

  /** A group's members for the new-task notices, read under one identities' generation. */
  private record KeptMembers(List<String> members, long expiresAtMillis, long generation) {}

  /** Beyond this many groups the kept members start afresh (the policy has a few dozen). */
  static final int MAX_KEPT_GROUPS = 1_000;

  /** Whose generation and time the kept members follow (null: asked every time). */
  private final VerifiedCredentials identities;

  private final Map<String, KeptMembers> keptMembers = new ConcurrentHashMap<>();

  public Notifications(
      JdbcTemplate jdbc,
      FenheClock clock,
      IdentityService identity,
      NotificationSender sender,
      PlatformTransactionManager transactions) {
    this(jdbc, clock, identity, sender, transactions, null);
  }

  /**
   * With {@code identities}, the members of a group told of a new task are kept as long as verified
   * credentials are ({@link #membersToTell}).
   */
  public Notifications(
      JdbcTemplate jdbc,
      FenheClock clock,
      IdentityService identity,
      NotificationSender sender,
      PlatformTransactionManager transactions,
      VerifiedCredentials identities) {
    this.identities = identities;
    this.jdbc = jdbc;
    this.clock = clock;
    this.identity = identity;
    this.sender = sender;
    this.savepoint = new TransactionTemplate(transactions);
    this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
  }

  /**
   * Tells one user. Empty when the notice has a dedup key the user already has a notification for.
   */
  public Optional<Notification> notifyUser(String userId, Notice notice) {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(notice.kind(), "kind");
    Objects.requireNonNull(notice.title(), "title");
    if (notice.dedupKey() != null && exists(userId, notice.dedupKey())) {
      return Optional.empty();
    }
    Notification stored;
    try {
      stored =
          notice.dedupKey() == null
              ? insert(userId, notice)
              : savepoint.execute(s -> insert(userId, notice));
    } catch (DuplicateKeyException raced) {
      return Optional.empty();
    }
    sendAfterCommit(stored);
    return Optional.of(stored);
  }

  /** Tells every member of a group (once each). */
  public List<Notification> notifyGroup(String groupId, Notice notice) {
    return notifyGroups(List.of(groupId), notice);
  }

  /** Tells every member of the groups, each user once. */
  public List<Notification> notifyGroups(Collection<String> groupIds, Notice notice) {
    return notifyUsers(members(groupIds), notice);
  }

  /** Tells each user once. */
  public List<Notification> notifyUsers(Collection<String> userIds, Notice notice) {
    List<Notification> sent = new ArrayList<>();
    for (String user : new LinkedHashSet<>(userIds)) {
      notifyUser(user, notice).ifPresent(sent::add);
    }
    return sent;
  }

  /** The ids of the members of the groups. */
  public Set<String> members(Collection<String> groupIds) {
    return union(groupIds, this::membersOf);
  }

  /**
   * The members of the groups to tell of a new task (新待办, a notice that gives no access): a group's
   * members are kept as long as verified credentials are (issue 20: one user query per candidate
   * group and task was 2 % of the engine node's CPU). Forgotten at once when a user, group or
   * membership changes on this node (the {@link VerifiedCredentials}' generation); a change made on
   * another node reaches these notices, as it reaches that node's logins, within the credentials'
   * time. Copies and anything that grants access ask {@link #members} every time.
   */
  public Set<String> membersToTell(Collection<String> groupIds) {
    if (identities == null || identities.ttlMillis() == 0) {
      return members(groupIds);
    }
    return union(groupIds, this::keptMembersOf);
  }

  private List<String> keptMembersOf(String group) {
    long now = identities.millis();
    long generation = identities.generation();
    KeptMembers kept = keptMembers.get(group);
    if (kept == null || kept.generation() != generation || kept.expiresAtMillis() <= now) {
      kept = new KeptMembers(membersOf(group), now + identities.ttlMillis(), generation);
      // not kept when identities changed while they were read
      if (identities.generation() == generation) {
        if (keptMembers.size() >= MAX_KEPT_GROUPS) {
          keptMembers.clear();
        }
        keptMembers.put(group, kept);
      }
    }
    return kept.members();
  }

  /** The members of each named group (blank names skipped), each user once, in order. */
  private static Set<String> union(
      Collection<String> groupIds, Function<String, List<String>> membersOf) {
    Set<String> users = new LinkedHashSet<>();
    for (String group : groupIds) {
      if (group != null && !group.isBlank()) {
        users.addAll(membersOf.apply(group));
      }
    }
    return users;
  }

  private List<String> membersOf(String group) {
    return AsPlatform.call(
            identity,
            () ->
                identity
                    .createUserQuery()
                    .memberOfGroup(group)
                    .orderByUserId()
                    .asc()
                    .listPage(0, MAX_GROUP_MEMBERS))
        .stream()
        .map(User::getId)
        .toList();
  }

  /** A page of the user's notifications, newest first. */
  public List<Notification> list(String userId, boolean unreadOnly, int page, int size) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM fenhe_notification WHERE user_id = ?"
            + (unreadOnly ? " AND read_at IS NULL" : "")
            + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
        Notifications::row,
        userId,
        size,
        (long) page * size);
  }

  /** How many notifications the user has (unread only, or all). */
  public long count(String userId, boolean unreadOnly) {
    Long count =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_notification WHERE user_id = ?"
                + (unreadOnly ? " AND read_at IS NULL" : ""),
            Long.class,
            userId);
    return count == null ? 0 : count;
  }

  /** One of the user's notifications; empty for another user's id. */
  public Optional<Notification> find(String userId, long id) {
    return jdbc
        .query(
            "SELECT " + COLUMNS + " FROM fenhe_notification WHERE id = ? AND user_id = ?",
            Notifications::row,
            id,
            userId)
        .stream()
        .findFirst();
  }

  /**
   * Marks one of the user's notifications read (already read: left as it was). False when the user
   * has no notification of that id.
   */
  public boolean markRead(String userId, long id) {
    if (find(userId, id).isEmpty()) {
      return false;
    }
    jdbc.update(
        "UPDATE fenhe_notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
        Timestamp.from(clock.now()),
        id,
        userId);
    return true;
  }

  /** Marks all of the user's notifications read; how many were unread. */
  public int markAllRead(String userId) {
    return jdbc.update(
        "UPDATE fenhe_notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
        Timestamp.from(clock.now()),
        userId);
  }

  private boolean exists(String userId, String dedupKey) {
    Integer found =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_notification WHERE user_id = ? AND dedup_key = ?",
            Integer.class,
            userId,
            dedupKey);
    return found != null && found > 0;
  }

  private Notification insert(String userId, Notice notice) {
    Instant at = clock.now();
    String title = cut(notice.title(), TITLE_LENGTH);
    String body = cut(notice.body(), BODY_LENGTH);
    long id =
        Rows.insert(
            jdbc,
            "fenhe_notification",
            STORED,
            userId,
            notice.kind().code(),
            notice.businessKey(),
            notice.processInstanceId(),
            notice.taskId(),
            title,
            body,
            notice.dedupKey(),
            Timestamp.from(at));
    return new Notification(
        id,
        userId,
        notice.kind(),
        notice.businessKey(),
        notice.processInstanceId(),
        notice.taskId(),
        title,
        body,
        at,
        null);
  }

  private void sendAfterCommit(Notification notification) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              send(notification);
            }
          });
    } else {
      send(notification);
    }
  }

  private void send(Notification notification) {
    try {
      sender.send(notification);
    } catch (RuntimeException e) {
      LOG.warn("notification {} not sent: {}", notification.id(), e.getMessage());
    }
  }

  private static String cut(String text, int length) {
    return text == null || text.length() <= length ? text : text.substring(0, length);
  }

  private static Notification row(ResultSet rs, int row) throws SQLException {
    return new Notification(
        rs.getLong("id"),
        rs.getString("user_id"),
        Kind.byCode(rs.getString("kind"))
            .orElseThrow(() -> new IllegalStateException("unknown notification kind")),
        rs.getString("business_key"),
        rs.getString("process_instance_id"),
        rs.getString("task_id"),
        rs.getString("title"),
        rs.getString("body"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "read_at"));
  }
}
