package cn.gov.linfen.fenhe.supervision;

import cn.gov.linfen.fenhe.common.Escalating;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import cn.gov.linfen.fenhe.web.PlatformRefusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The escalations (督办) recorded on cases by the shared escalation step (docs/escalation.md), newest
 * first: supervisors see all, every other officer those addressed to one of his groups. Running and
 * finished cases alike (the record is the case's history). Paged in the database: cases are read
 * newest escalation first, a batch at a time, only as deep as the page asked for (at most {@value
 * #MAX_DEPTH} entries deep, {@value #MAX_CASES} cases per answer).
 */
@RestController
@EngineRole
@Tag(name = "督办与期限")
public class EscalationsController {

  static final String VARIABLE = "escalations";
  static final int MAX_PAGE_SIZE = 200;
  private static final Logger LOG = LoggerFactory.getLogger(EscalationsController.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A page may reach this deep into the list (page × size + size entries), no further. */
  static final int MAX_DEPTH = 10_000;

  /** Cases read from the database per batch, newest escalation first. */
  static final int BATCH = 100;

  /**
   * At most this many cases are read for one answer (an officer whose groups are rarely alerted).
   */
  static final int MAX_CASES = 5_000;

  private final ProcessEngine engine;
  private final JdbcTemplate jdbc;

  public EscalationsController(ProcessEngine engine, JdbcTemplate jdbc) {
    this.engine = engine;
    this.jdbc = jdbc;
  }

  @Operation(summary = "最近的督办与升级记录")
  @GetMapping("/api/escalations")
  Map<String, Object> escalations(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String procedure,
      @RequestParam(required = false) String businessKey,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidInputException(PlatformRefusal.PAGE_NEGATIVE.at("page"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(
          PlatformRefusal.PAGE_SIZE_OUT_OF_RANGE.at("size", MAX_PAGE_SIZE));
    }
    if ((long) page * size + size > MAX_DEPTH) {
      throw new InvalidInputException(PlatformRefusal.PAGE_TOO_DEEP.at("page", MAX_DEPTH));
    }
    boolean seesEverything = user.seesEverything();
    boolean worksCases =
        user.groupIds().stream()
            .map(FenheGroup::byId)
            .anyMatch(g -> g.isPresent() && g.get().isCaseOfficerGroup());
    if (!seesEverything && !worksCases) {
      throw new AccessDeniedException(
          PlatformRefusal.SUPERVISORS_CASE_OFFICERS_SEE_ESCALATIONS.reason());
    }

    int needed = page * size + size;
    Scan scan = new Scan();
    asPlatform(
        () ->
            collect(
                procedure,
                businessKey,
                seesEverything ? null : Set.copyOf(user.groupIds()),
                needed,
                scan));
    List<Map<String, Object>> all = scan.entries;
    all.sort(NEWEST_FIRST);

    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("page", page);
    answer.put("size", size);
    // known only when every case was read (a filtered list, or the last pages)
    answer.put("total", scan.complete ? all.size() : null);
    answer.put("more", !scan.complete || all.size() > needed);
    answer.put(
        "items", all.subList(Math.min(all.size(), page * size), Math.min(all.size(), needed)));
    return answer;
  }

  private static final Comparator<Map<String, Object>> NEWEST_FIRST =
      Comparator.comparing((Map<String, Object> e) -> String.valueOf(e.get("escalatedAt")))
          .reversed();

  /** What was read: the entries, and whether every case that matches was read. */
  private static final class Scan {
    final List<Map<String, Object>> entries = new ArrayList<>();
    boolean complete;
  }

  /**
   * Reads the cases in the database, newest escalation first ({@code lastEscalatedAt}, set with
   * every escalation), a batch at a time, until the entries needed are certainly the newest: every
   * entry of a case is at most as new as the case's latest escalation.
   */
  private void collect(
      String procedure, String businessKey, Set<String> groups, int needed, Scan scan) {
    StringBuilder sql =
        new StringBuilder(
            "select v.PROC_INST_ID_, v.LONG_ from ACT_HI_VARINST v where v.NAME_ = ?");
    List<Object> arguments = new ArrayList<>(List.of(Escalating.LAST_AT));
    if (procedure != null && !procedure.isBlank()) {
      sql.append(" and v.PROC_DEF_KEY_ = ?");
      arguments.add(procedure);
    }
    if (businessKey != null && !businessKey.isBlank()) {
      sql.append(
          " and v.PROC_INST_ID_ in (select p.ID_ from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = ?)");
      arguments.add(businessKey);
    }
    sql.append(
        " and v.LONG_ is not null order by v.LONG_ desc, v.PROC_INST_ID_ desc limit ? offset ?");
    Map<String, ProcessDefinition> definitions = new HashMap<>();
    for (int offset = 0; offset < MAX_CASES; offset += BATCH) {
      List<Object> page = new ArrayList<>(arguments);
      page.add(BATCH);
      page.add(offset);
      List<Object[]> cases =
          jdbc.query(
              sql.toString(),
              (rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)},
              page.toArray());
      List<String> pending = new ArrayList<>();
      for (Object[] row : cases) {
        // each pending case holds at least one entry: read them once they may fill the page
        if (scan.entries.size() + pending.size() >= needed) {
          expand(pending, groups, definitions, scan.entries);
          pending.clear();
          if (scan.entries.size() >= needed && newestAfter(scan.entries, needed) >= (Long) row[1]) {
            return;
          }
        }
        pending.add((String) row[0]);
      }
      expand(pending, groups, definitions, scan.entries);
      if (cases.size() < BATCH) {
        scan.complete = true;
        return;
      }
    }
    LOG.info("escalations: stopped after {} cases", MAX_CASES);
  }

  /** The time (epoch ms) of the {@code needed}-th newest entry read so far. */
  private static long newestAfter(List<Map<String, Object>> entries, int needed) {
    entries.sort(NEWEST_FIRST);
    Object at = entries.get(needed - 1).get("escalatedAt");
    try {
      return at == null ? Long.MIN_VALUE : Instant.parse(at.toString()).toEpochMilli();
    } catch (DateTimeParseException e) {
      return Long.MIN_VALUE;
    }
  }

  private void expand(
      List<String> instanceIds,
      Set<String> groups,
      Map<String, ProcessDefinition> definitions,
      List<Map<String, Object>> into) {
    if (instanceIds.isEmpty()) {
      return;
    }
    String[] ids = instanceIds.toArray(String[]::new);
    List<HistoricVariableInstance> variables =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .variableName(VARIABLE)
            .processInstanceIdIn(ids)
            .list();
    Map<String, HistoricProcessInstance> cases = new HashMap<>();
    engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.of(ids))
        .list()
        .forEach(c -> cases.put(c.getId(), c));
    for (HistoricVariableInstance variable : variables) {
      if (variable.getValue() == null) {
        continue;
      }
      JsonNode list;
      try {
        list = JSON.readTree(variable.getValue().toString());
      } catch (IOException e) {
        LOG.warn(
            "escalations of case {} are not a JSON list: {}",
            variable.getProcessInstanceId(),
            e.getMessage());
        continue;
      }
      HistoricProcessInstance instance = cases.get(variable.getProcessInstanceId());
      ProcessDefinition definition =
          instance == null
              ? null
              : definitions.computeIfAbsent(
                  instance.getProcessDefinitionId(),
                  id ->
                      engine
                          .getRepositoryService()
                          .createProcessDefinitionQuery()
                          .processDefinitionId(id)
                          .singleResult());
      for (JsonNode entry : list) {
        List<String> to =
            Arrays.stream(entry.path("to").asText("").split(",")).map(String::trim).toList();
        if (groups != null && to.stream().noneMatch(groups::contains)) {
          continue;
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("procedureKey", definition == null ? null : definition.getKey());
        item.put("procedure", definition == null ? null : definition.getName());
        item.put("businessKey", instance == null ? null : instance.getBusinessKey());
        item.put("processInstanceId", variable.getProcessInstanceId());
        item.put("caseState", instance == null ? null : instance.getState());
        item.put("stepId", text(entry, "step"));
        item.put("to", to);
        item.put("toNames", text(entry, "toNames"));
        item.put("reason", text(entry, "reason"));
        item.put("deadline", text(entry, "deadline"));
        item.put("escalatedAt", text(entry, "escalatedAt"));
        item.put("message", text(entry, "message"));
        item.put(
            "cockpitUrl",
            "/camunda/app/cockpit/default/#/process-instance/"
                + variable.getProcessInstanceId()
                + (instance != null && instance.getEndTime() == null ? "/runtime" : "/history"));
        into.add(item);
      }
    }
  }

  private static String text(JsonNode entry, String field) {
    JsonNode value = entry.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /**
   * Who may see an entry is decided above (by its groups), not by the engine's per-definition
   * grants.
   */
  private void asPlatform(Runnable work) {
    AsPlatform.run(engine.getIdentityService(), work);
  }
}
