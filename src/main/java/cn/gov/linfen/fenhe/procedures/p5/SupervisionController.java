package cn.gov.linfen.fenhe.procedures.p5;

import static cn.gov.linfen.fenhe.procedures.p5.SupervisionProcess.Variables.*;

import cn.gov.linfen.fenhe.common.CommonRefusal;
import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.AsPlatform;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * P5 over REST, in Chinese: the batch of regulatory acts (all or nothing: one refused act refuses
 * the batch, 400 naming {@code acts[i].field}; nothing is written), the 检查实施清单 per department
 * (audit-logged), the monthly dynamics and the risk clues pushed by the province.
 */
@RestController
@RequestMapping("/api/supervision")
@EngineRole
@Tag(name = "互联网+监管")
public class SupervisionController {

  /** At most this many acts per batch. */
  public static final int MAX_BATCH = 1000;

  private static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProcessEngine engine;
  private final ActChecks checks;
  private final InspectionLists lists;
  private final SupervisionMonthly monthly;
  private final FenheClock clock;
  private final TransactionTemplate transactions;
  private final SupervisionSummary summary;

  public SupervisionController(
      ProcessEngine engine,
      ActChecks checks,
      InspectionLists lists,
      SupervisionMonthly monthly,
      SupervisionSummary summary,
      FenheClock clock,
      PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.checks = checks;
    this.lists = lists;
    this.monthly = monthly;
    this.summary = summary;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  static Optional<County> regulatorCounty(FenheUser user) {
    for (County c : County.values()) {
      if (user.groupIds().contains(c.groupOf(FenheGroup.COUNTY_REGULATOR))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The county of a county officer (approval service or regulator), if any. */
  static Optional<County> officerCounty(FenheUser user) {
    for (County c : County.values()) {
      if (user.groupIds().contains(c.groupOf(FenheGroup.COUNTY_APPROVAL_SERVICE))
          || user.groupIds().contains(c.groupOf(FenheGroup.COUNTY_REGULATOR))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  static boolean isRegulator(FenheUser user) {
    return user.isAdmin()
        || user.isIn(FenheGroup.REGULATOR)
        || user.isIn(FenheGroup.COUNTY_REGULATOR);
  }

  static boolean leads(FenheUser user) {
    return user.isAdmin()
        || user.isIn(FenheGroup.APPROVAL_SERVICE_BUREAU)
        || user.isIn(FenheGroup.COUNTY_APPROVAL_SERVICE);
  }

  /** The acts' case keys: 12 random characters per day, unique at any volume. */
  String newActKey() {
    StringBuilder key = new StringBuilder("JG-");
    key.append(clock.today().format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
    for (int i = 0; i < 12; i++) {
      key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return key.toString();
  }

  @Operation(summary = "报送一条监管行为")
  @PostMapping("/acts")
  ResponseEntity<?> acts(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!isRegulator(user)) {
      throw new AccessDeniedException(P5Refusal.REGULATORS_ONLY.reason());
    }
    Object given = body == null ? null : body.get("acts");
    if (!(given instanceof List<?> acts) || acts.isEmpty()) {
      throw new InvalidInputException(P5Refusal.BATCH_EMPTY.at("acts"));
    }
    if (acts.size() > MAX_BATCH) {
      throw new InvalidInputException(P5Refusal.BATCH_TOO_LARGE.at("acts", MAX_BATCH, acts.size()));
    }
    Optional<County> own =
        user.isAdmin() || user.isIn(FenheGroup.REGULATOR)
            ? Optional.empty()
            : regulatorCounty(user);
    Instant now = clock.now();
    List<FieldError> errors = new ArrayList<>();
    List<Map<String, Object>> normalized = new ArrayList<>(acts.size());
    for (int i = 0; i < acts.size(); i++) {
      String prefix = "acts[" + i + "].";
      if (!(acts.get(i) instanceof Map<?, ?> raw)) {
        errors.add(P5Refusal.ACT_NOT_OBJECT.at("acts[" + i + "]"));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> act = (Map<String, Object>) raw;
      List<FieldError> found = checks.check(prefix, act, now);
      errors.addAll(found);
      if (found.isEmpty()) {
        Map<String, Object> n = checks.normalized(act);
        if (own.isPresent() && !own.get().chineseName().equals(n.get(COUNTY))) {
          errors.add(P5Refusal.OWN_COUNTY_ONLY.at(prefix + COUNTY));
        }
        normalized.add(n);
      }
    }
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(ErrorJson.body("InvalidRequestException", errors));
    }
    List<String> keys =
        transactions.execute(
            status ->
                AsPlatform.call(
                    engine.getIdentityService(),
                    () -> {
                      Set<String> listed =
                          lists.listed(
                              normalized.stream().map(a -> (String) a.get(DEPARTMENT)).toList());
                      List<String> started = new ArrayList<>(normalized.size());
                      List<Map<String, Object>> variables = new ArrayList<>(normalized.size());
                      for (Map<String, Object> act : normalized) {
                        Map<String, Object> v = new LinkedHashMap<>();
                        v.put(ACT, SupervisionActs.write(act));
                        v.put(
                            ITEM_LISTED,
                            listed.contains(act.get(DEPARTMENT) + "|" + act.get(ITEM_CODE)));
                        started.add(newActKey());
                        variables.add(v);
                      }
                      startAll(started, variables);
                      return started;
                    }));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", keys.size());
    answer.put("actKeys", keys);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  /**
   * Starts the batch's cases in one engine command: one flush, so the engine writes each table's
   * rows of the whole batch as one JDBC batch (a command per case flushed each case on its own),
   * and the process definition is looked up once, not once per case (docs/benchmarks.md, P5).
   */
  private void startAll(List<String> keys, List<Map<String, Object>> variables) {
    CommandExecutor executor =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getCommandExecutorTxRequired();
    executor.execute(
        (Command<Void>)
            context -> {
              String definitionId =
                  context
                      .getProcessEngineConfiguration()
                      .getDeploymentCache()
                      .findDeployedLatestProcessDefinitionByKey(SupervisionProcess.ACT_KEY)
                      .getId();
              for (int i = 0; i < keys.size(); i++) {
                ProcessInstantiationBuilderImpl builder =
                    (ProcessInstantiationBuilderImpl)
                        ProcessInstantiationBuilderImpl.createProcessInstanceById(
                                executor, definitionId)
                            .businessKey(keys.get(i))
                            .setVariables(variables.get(i));
                new StartProcessInstanceCmd(builder).execute(context);
              }
              return null;
            });
  }

  // ------------------------------------------------------------------ 检查实施清单

  @Operation(summary = "查看部门的检查实施清单")
  @GetMapping("/lists/{department}")
  Map<String, Object> list(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String department) {
    if (!isRegulator(user) && !leads(user) && !user.seesEverything()) {
      throw new AccessDeniedException(P5Refusal.LEAD_AND_SUPERVISORS_ONLY.reason());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("title", department + "检查实施清单");
    answer.put("department", department);
    answer.put("items", lists.items(department).stream().map(InspectionLists::json).toList());
    return answer;
  }

  @Operation(summary = "新增或修改检查实施清单事项")
  @PutMapping("/lists/{department}/items/{itemCode}")
  ResponseEntity<Map<String, Object>> putItem(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String department,
      @PathVariable String itemCode,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!isRegulator(user) && !leads(user)) {
      throw new AccessDeniedException(P5Refusal.LIST_MAINTAINERS_ONLY.reason());
    }
    if (department.isBlank() || department.length() > 100) {
      throw new InvalidInputException(
          P5Refusal.TEXT_TOO_LONG.at(DEPARTMENT, "监管部门", 100, DEPARTMENT));
    }
    if (!ActChecks.ITEM_CODE_PATTERN.matcher(itemCode).matches()) {
      throw new InvalidInputException(P5Refusal.ITEM_CODE_INVALID.at(ITEM_CODE));
    }
    Object name = body == null ? null : body.get("itemName");
    if (!(name instanceof String itemName) || itemName.isBlank()) {
      throw new InvalidInputException(
          CommonRefusal.FIELD_REQUIRED.at("itemName", "监管事项名称", "itemName"));
    }
    if (itemName.length() > 200) {
      throw new InvalidInputException(
          P5Refusal.TEXT_TOO_LONG.at("itemName", "监管事项名称", 200, "itemName"));
    }
    Object county = body.get(COUNTY);
    String countyName = null;
    if (county instanceof String c && !c.isBlank()) {
      FieldError unknown = County.check(COUNTY, c);
      if (unknown != null) {
        throw new InvalidInputException(unknown);
      }
      countyName = County.of(c).orElseThrow().chineseName();
    }
    InspectionLists.Item item =
        new InspectionLists.Item(department, itemCode, itemName.trim(), countyName);
    boolean created = lists.put(item, user.id(), clock.now());
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(InspectionLists.json(item));
  }

  @Operation(summary = "删除检查实施清单事项")
  @DeleteMapping("/lists/{department}/items/{itemCode}")
  ResponseEntity<Void> removeItem(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String department,
      @PathVariable String itemCode) {
    if (!isRegulator(user) && !leads(user)) {
      throw new AccessDeniedException(P5Refusal.LIST_MAINTAINERS_ONLY.reason());
    }
    return lists.remove(department, itemCode, user.id())
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  // ------------------------------------------------------------------ 动态信息

  @Operation(summary = "报送一条动态信息")
  @PostMapping("/dynamics")
  ResponseEntity<Map<String, Object>> dynamic(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!isRegulator(user) && !leads(user)) {
      throw new AccessDeniedException(P5Refusal.LIST_MAINTAINERS_ONLY.reason());
    }
    Map<String, Object> input = body == null ? Map.of() : body;
    List<FieldError> errors = new ArrayList<>();
    SupervisionClues.required(errors, input, "title", "动态标题", 200);
    Object county = input.get(COUNTY);
    String unit;
    String level;
    if (county instanceof String c && !c.isBlank()) {
      FieldError unknown = County.check(COUNTY, c);
      if (unknown != null) {
        throw new InvalidInputException(unknown);
      }
      unit = County.of(c).orElseThrow().chineseName();
      level = SupervisionMonthly.COUNTY_LEVEL;
    } else {
      SupervisionClues.required(errors, input, DEPARTMENT, "报送单位", 100);
      unit = input.get(DEPARTMENT) instanceof String d ? d.trim() : null;
      level = SupervisionMonthly.CITY_LEVEL;
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors.get(0));
    }
    monthly.record(unit, level, ((String) input.get("title")).trim(), user.id());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("unit", unit, "level", level));
  }

  // ------------------------------------------------------------------ 风险预警线索

  @Operation(summary = "推送一条风险预警线索")
  @PostMapping("/clues")
  ResponseEntity<?> clue(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    if (!leads(user)) {
      throw new AccessDeniedException(P5Refusal.LIST_MAINTAINERS_ONLY.reason());
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String f :
        List.of(
            CLUE_TITLE, CLUE_CONTENT, CLUE_SOURCE, OBJECT_NAME, OBJECT_CREDIT_CODE, DEPARTMENT)) {
      if (body != null && body.get(f) != null) {
        variables.put(f, body.get(f));
      }
    }
    if (body != null && body.get(COUNTY) instanceof String c && !c.isBlank()) {
      variables.put(COUNTY, County.of(c).map(County::chineseName).orElse(c));
    }
    variables.putIfAbsent(CLUE_SOURCE, "PROVINCE");
    List<FieldError> errors = new SupervisionClues().start(variables);
    if (!errors.isEmpty()) {
      return ResponseEntity.badRequest().body(ErrorJson.body("InvalidRequestException", errors));
    }
    var started =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(SupervisionProcess.CLUE_KEY, variables));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("businessKey", started.getBusinessKey());
    answer.put("processInstanceId", started.getId());
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  // ------------------------------------------------------------------ the month (P5-R05)

  static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");

  /**
   * The month per department and per county for the bureau and supervisors (every county); a
   * county's approval service or regulator sees his county only; a city regulator, whom the model
   * ties to no department, and anyone else are refused.
   */
  @Operation(summary = "监管数据月度汇总（按部门和县区）")
  @GetMapping("/summary")
  Map<String, Object> summary(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String month) {
    Optional<County> only;
    if (user.seesEverything() || user.isIn(FenheGroup.APPROVAL_SERVICE_BUREAU)) {
      only = Optional.empty();
    } else {
      only = officerCounty(user);
      if (only.isEmpty()) {
        throw new AccessDeniedException(P5Refusal.SUMMARY_READ_DENIED.reason());
      }
    }
    YearMonth thisMonth = YearMonth.from(clock.today());
    YearMonth ym = thisMonth;
    if (month != null && !month.isBlank()) {
      if (!MONTH.matcher(month.trim()).matches()
          || YearMonth.parse(month.trim()).isAfter(thisMonth)) {
        throw new InvalidInputException(P5Refusal.SUMMARY_MONTH_INVALID.at("month"));
      }
      ym = YearMonth.parse(month.trim());
    }
    Optional<String> countyName = only.map(County::chineseName);
    List<SupervisionSummary.Acts> acts = summary.acts(ym, countyName);
    List<SupervisionSummary.Clues> clues = summary.openClues(ym, countyName);
    Map<String, Long> dynamics = summary.dynamics(ym);
    int[] quotas =
        AsPlatform.call(
            engine.getIdentityService(),
            () ->
                new int[] {
                  monthly.quota(engine.getDecisionService(), SupervisionMonthly.COUNTY_LEVEL),
                  monthly.quota(engine.getDecisionService(), SupervisionMonthly.CITY_LEVEL)
                });
    // departments: (department, county) of the acts and clues; every city department of a list
    Map<String, SupervisionSummary.Acts> deptActs = new TreeMap<>();
    Map<String, SupervisionSummary.Clues> deptClues = new TreeMap<>();
    Map<String, SupervisionSummary.Acts> countyActs = new LinkedHashMap<>();
    Map<String, SupervisionSummary.Clues> countyClues = new LinkedHashMap<>();
    SupervisionSummary.Acts totalActs = SupervisionSummary.noActs(null, null);
    SupervisionSummary.Clues totalClues = SupervisionSummary.noClues(null, null);
    for (SupervisionSummary.Acts a : acts) {
      deptActs.merge(deptKey(a.department(), a.county()), a, SupervisionSummary.Acts::plus);
      if (a.county() != null) {
        countyActs.merge(a.county(), a, SupervisionSummary.Acts::plus);
      }
      totalActs = totalActs.plus(a);
    }
    for (SupervisionSummary.Clues c : clues) {
      deptClues.merge(deptKey(c.department(), c.county()), c, SupervisionSummary.Clues::plus);
      if (c.county() != null) {
        countyClues.merge(c.county(), c, SupervisionSummary.Clues::plus);
      }
      totalClues = totalClues.plus(c);
    }
    Set<String> keys = new java.util.TreeSet<>(deptActs.keySet());
    keys.addAll(deptClues.keySet());
    if (only.isEmpty()) {
      for (String department : lists.cityDepartments()) {
        keys.add(deptKey(department, null));
      }
      Set<String> countyNames = new java.util.HashSet<>();
      for (County c : County.values()) {
        countyNames.add(c.chineseName());
      }
      for (String unit : dynamics.keySet()) {
        if (!countyNames.contains(unit)) {
          keys.add(deptKey(unit, null));
        }
      }
    }
    List<Map<String, Object>> departments = new ArrayList<>();
    for (String key : keys) {
      int bar = key.indexOf('|');
      String county = key.substring(1, bar).isEmpty() ? null : key.substring(1, bar);
      String department = key.substring(bar + 1);
      Map<String, Object> head = new LinkedHashMap<>();
      head.put("department", department);
      head.put("county", county == null ? "" : county);
      head.put("levelLabel", county == null ? "市直" : county);
      departments.add(
          SupervisionSummary.row(
              head,
              deptActs.getOrDefault(key, SupervisionSummary.noActs(department, county)),
              deptClues.getOrDefault(key, SupervisionSummary.noClues(department, county)),
              county == null ? dynamics.get(department) : null,
              county == null ? quotas[1] : null));
    }
    List<Map<String, Object>> counties = new ArrayList<>();
    for (County c : SupervisionSummary.counties(only)) {
      String name = c.chineseName();
      counties.add(
          SupervisionSummary.row(
              Map.of("county", name),
              countyActs.getOrDefault(name, SupervisionSummary.noActs(null, name)),
              countyClues.getOrDefault(name, SupervisionSummary.noClues(null, name)),
              dynamics.get(name),
              quotas[0]));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("month", ym.toString());
    answer.put("monthLabel", SupervisionMonthly.label(ym));
    answer.put("scope", countyName.orElse("全市"));
    answer.put("at", summary.at(ym).toString());
    answer.put("countyQuota", quotas[0]);
    answer.put("cityQuota", quotas[1]);
    answer.put("departments", departments);
    answer.put("counties", counties);
    answer.put("total", SupervisionSummary.row(Map.of(), totalActs, totalClues, null, null));
    return answer;
  }

  /** City departments ("0|…") sort before the counties' ("1<county>|…"). */
  private static String deptKey(String department, String county) {
    return (county == null ? "0" : "1" + county) + "|" + department;
  }
}
