package cn.gov.linfen.fenhe.cases;

import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.FenheUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who sees a case. A case is the root process instance with a business key; a user takes part in it
 * as its applicant (the start user), as an officer (assignee, owner, candidate user, or member of a
 * candidate group of any of its tasks, open or done, in the case or in the processes it called), as
 * a reader (any {@link CaseReaders} bean, e.g. 抄送), or as a supervisor or administrator, who read
 * every case and act on none through the case screens. Anyone else is told there is no such case
 * ({@link CaseNotFoundException}, HTTP 404), the same answer as for a business key that does not
 * exist.
 *
 * <p>Reads the engine's history tables (history level {@code full}, so every task and every
 * candidate link is there while the case runs and after it has ended) in two indexed queries.
 */
@Component
@EngineRole
public class CaseAccess {

  private static final String CASE_BY_KEY =
      """
      select ID_, BUSINESS_KEY_, PROC_DEF_ID_, PROC_DEF_KEY_, START_USER_ID_, END_TIME_
      from ACT_HI_PROCINST
      where BUSINESS_KEY_ = :key and SUPER_PROCESS_INSTANCE_ID_ is null
      order by START_TIME_ desc
      """;

  private static final String CASE_BY_ID =
      """
      select ID_, BUSINESS_KEY_, PROC_DEF_ID_, PROC_DEF_KEY_, START_USER_ID_, END_TIME_
      from ACT_HI_PROCINST
      where ID_ = :key and SUPER_PROCESS_INSTANCE_ID_ is null
      """;

  private static final String OFFICER_BY_USER =
      """
      select count(*) from ACT_HI_TASKINST t
      where t.ROOT_PROC_INST_ID_ = :root
        and (t.ASSIGNEE_ = :user or t.OWNER_ = :user
             or exists (select 1 from ACT_HI_IDENTITYLINK l
                        where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.USER_ID_ = :user))
      """;

  private static final String OFFICER_BY_GROUP =
      """
      select count(*) from ACT_HI_TASKINST t
      where t.ROOT_PROC_INST_ID_ = :root
        and exists (select 1 from ACT_HI_IDENTITYLINK l
                    where l.TASK_ID_ = t.ID_ and l.TYPE_ = 'candidate' and l.GROUP_ID_ in (:groups))
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final List<CaseReaders> readers;

  public CaseAccess(NamedParameterJdbcTemplate jdbc, List<CaseReaders> readers) {
    this.jdbc = jdbc;
    this.readers = List.copyOf(readers);
  }

  /** The case with this business key if the user takes part in it; empty otherwise. */
  public Optional<CaseRef> find(FenheUser user, String businessKey) {
    if (businessKey == null || businessKey.isBlank()) {
      return Optional.empty();
    }
    return firstCase(CASE_BY_KEY, businessKey).flatMap(row -> withRole(user, row));
  }

  /** The case of this root process instance if the user takes part in it; empty otherwise. */
  public Optional<CaseRef> findByProcessInstance(FenheUser user, String processInstanceId) {
    if (processInstanceId == null || processInstanceId.isBlank()) {
      return Optional.empty();
    }
    return firstCase(CASE_BY_ID, processInstanceId).flatMap(row -> withRole(user, row));
  }

  /** As {@link #find}, or {@link CaseNotFoundException} naming the field {@code businessKey}. */
  public CaseRef require(FenheUser user, String businessKey) {
    return find(user, businessKey).orElseThrow(() -> new CaseNotFoundException("businessKey"));
  }

  private Optional<CaseRef> firstCase(String sql, String key) {
    List<CaseRef> rows =
        jdbc.query(
            sql,
            Map.of("key", key),
            (rs, n) ->
                new CaseRef(
                    rs.getString("BUSINESS_KEY_"),
                    rs.getString("ID_"),
                    rs.getString("PROC_DEF_ID_"),
                    rs.getString("PROC_DEF_KEY_"),
                    rs.getString("START_USER_ID_"),
                    rs.getTimestamp("END_TIME_") != null,
                    null));
    return rows.stream().findFirst();
  }

  private Optional<CaseRef> withRole(FenheUser user, CaseRef found) {
    return role(user, found)
        .map(
            role ->
                new CaseRef(
                    found.businessKey(),
                    found.processInstanceId(),
                    found.processDefinitionId(),
                    found.processDefinitionKey(),
                    found.startUserId(),
                    found.ended(),
                    role));
  }

  private Optional<CaseRole> role(FenheUser user, CaseRef found) {
    if (user == null) {
      return Optional.empty();
    }
    if (user.id().equals(found.startUserId())) {
      return Optional.of(CaseRole.APPLICANT);
    }
    if (isOfficer(user, found.processInstanceId())) {
      return Optional.of(CaseRole.OFFICER);
    }
    if (user.seesEverything()) {
      return Optional.of(CaseRole.SUPERVISOR);
    }
    for (CaseReaders reader : readers) {
      if (reader.reads(user, found.processInstanceId())) {
        return Optional.of(CaseRole.READER);
      }
    }
    return Optional.empty();
  }

  private boolean isOfficer(FenheUser user, String root) {
    MapSqlParameterSource byUser =
        new MapSqlParameterSource().addValue("root", root).addValue("user", user.id());
    Integer asUser = jdbc.queryForObject(OFFICER_BY_USER, byUser, Integer.class);
    if (asUser != null && asUser > 0) {
      return true;
    }
    if (user.groupIds().isEmpty()) {
      return false;
    }
    MapSqlParameterSource byGroup =
        new MapSqlParameterSource().addValue("root", root).addValue("groups", user.groupIds());
    Integer asGroup = jdbc.queryForObject(OFFICER_BY_GROUP, byGroup, Integer.class);
    return asGroup != null && asGroup > 0;
  }
}
