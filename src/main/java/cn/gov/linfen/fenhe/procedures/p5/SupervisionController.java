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
import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * P5 over REST, in Chinese: the batch of regulatory acts (all or nothing: one refused act refuses
 * the batch, 400 naming {@code acts[i].field}; nothing is written), the 检查实施清单 per department
 * (audit-logged), the monthly dynamics and the risk clues pushed by the province.
 */
@RestController
@RequestMapping("/api/supervision")
@EngineRole
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

  public SupervisionController(
      ProcessEngine engine,
      ActChecks checks,
      InspectionLists lists,
      SupervisionMonthly monthly,
      FenheClock clock,
      PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.checks = checks;
    this.lists = lists;
    this.monthly = monthly;
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
                      for (Map<String, Object> act : normalized) {
                        String key = newActKey();
                        Map<String, Object> variables = new LinkedHashMap<>();
                        variables.put(ACT, SupervisionActs.write(act));
                        variables.put(
                            REGULATOR_GROUP, SupervisionActs.regulatorGroup(act.get(COUNTY)));
                        variables.put(
                            ITEM_LISTED,
                            listed.contains(act.get(DEPARTMENT) + "|" + act.get(ITEM_CODE)));
                        engine
                            .getRuntimeService()
                            .startProcessInstanceByKey(SupervisionProcess.ACT_KEY, key, variables);
                        started.add(key);
                      }
                      return started;
                    }));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("accepted", keys.size());
    answer.put("actKeys", keys);
    return ResponseEntity.status(HttpStatus.CREATED).body(answer);
  }

  // ------------------------------------------------------------------ 检查实施清单

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
}
