package cn.gov.linfen.fenhe.procedures.p4;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * P4 over REST, in Chinese: the seller register (kept by each county's market supervision
 * department for its own county, read by the city bureau and supervisors; every change
 * audit-logged, X-R03, X-R04) and the coverage per county and month (P4-R05) for supervisors and
 * the city bureau.
 */
@RestController
@RequestMapping("/api/coal")
@EngineRole
public class CoalSamplingController {

  private static final int MAX_NAME = 100;
  private static final int MAX_ADDRESS = 200;

  private final CoalRegisters registers;
  private final TransactionTemplate transactions;
  private final FenheClock clock;

  public CoalSamplingController(
      CoalRegisters registers, PlatformTransactionManager transactionManager, FenheClock clock) {
    this.registers = registers;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** The county whose market supervision department the user belongs to, if any. */
  static Optional<County> countyOf(FenheUser user) {
    return Arrays.stream(County.values())
        .filter(c -> user.groupIds().contains(c.groupOf(FenheGroup.COUNTY_MARKET_SUPERVISION)))
        .findFirst();
  }

  private static boolean readsAll(FenheUser user) {
    return user.seesEverything() || user.isIn(FenheGroup.MARKET_SUPERVISION_BUREAU);
  }

  // ------------------------------------------------------------------ the register

  @GetMapping("/sellers")
  Map<String, Object> sellers(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String county) {
    County asked =
        county == null || county.isBlank()
            ? null
            : County.of(county)
                .orElseThrow(() -> bad("county", "县(市、区)不正确，应为临汾市 17 个县(市、区)之一", "unknown county"));
    Optional<County> own = countyOf(user);
    List<County> shown;
    if (readsAll(user)) {
      shown = asked != null ? List.of(asked) : List.of(County.values());
    } else if (own.isPresent() && (asked == null || asked == own.get())) {
      shown = List.of(own.get());
    } else {
      throw denied(
          "只有本县市场监督管理部门、市市场监督管理局和督查人员可以查看民用煤销售单位登记册",
          "only the county's market supervision department, the city bureau and supervisors see the register");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (County c : shown) {
      registers.sellers(c.chineseName()).forEach(s -> rows.add(entry(s)));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("title", "民用煤销售单位登记册");
    answer.put("total", rows.size());
    answer.put("sellers", rows);
    return answer;
  }

  @PostMapping("/sellers")
  ResponseEntity<Map<String, Object>> register(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> input = body == null ? Map.of() : body;
    String code = text(input, "creditCode");
    FieldError invalid = CreditCode.check("creditCode", code);
    if (invalid != null) {
      throw new InvalidInputException(invalid);
    }
    County county =
        County.of(text(input, "county"))
            .orElseThrow(
                () ->
                    bad(
                        "county",
                        "县(市、区)不正确，应为临汾市 17 个县(市、区)之一，如“尧都区”",
                        "unknown county: one of Linfen's 17"));
    ownCountyOnly(user, county);
    CoalRegisters.Seller seller = validated(input, code, county.chineseName(), user.id());
    Boolean added = transactions.execute(status -> registers.register(seller));
    if (!Boolean.TRUE.equals(added)) {
      throw bad("creditCode", "该销售单位已登记（统一社会信用代码重复）", "the seller is registered already");
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(entry(seller));
  }

  @PutMapping("/sellers/{creditCode}")
  Map<String, Object> change(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String creditCode,
      @RequestBody(required = false) Map<String, Object> body) {
    CoalRegisters.Seller before =
        registers.seller(creditCode.trim()).orElseThrow(() -> new NotFound());
    ownCountyOnly(user, County.of(before.county()).orElseThrow());
    Map<String, Object> input = body == null ? Map.of() : body;
    if (input.containsKey("county") && !before.county().equals(text(input, "county"))) {
      throw bad(
          "county",
          "不能变更销售单位所属县(市、区)：请在原县注销后由新县登记",
          "the county cannot change: remove and register in the new county");
    }
    CoalRegisters.Seller after =
        validated(input, before.creditCode(), before.county(), before.registeredBy());
    transactions.executeWithoutResult(status -> registers.update(before, after, user.id()));
    return entry(
        new CoalRegisters.Seller(
            after.creditCode(),
            after.sellerName(),
            after.sellerKind(),
            after.county(),
            after.zone(),
            after.address(),
            before.registeredBy(),
            before.registeredAt()));
  }

  @DeleteMapping("/sellers/{creditCode}")
  ResponseEntity<?> remove(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String creditCode) {
    Optional<CoalRegisters.Seller> seller = registers.seller(creditCode.trim());
    if (seller.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(
              ErrorJson.body(
                  "NotFound",
                  new FieldError("creditCode", "登记册中没有该销售单位", "no such seller in the register")));
    }
    ownCountyOnly(user, County.of(seller.get().county()).orElseThrow());
    transactions.executeWithoutResult(status -> registers.remove(seller.get(), user.id(), now()));
    return ResponseEntity.noContent().build();
  }

  /** Not found: 404 with the field. */
  static final class NotFound extends RuntimeException {}

  @org.springframework.web.bind.annotation.ExceptionHandler(NotFound.class)
  ResponseEntity<ErrorJson.Body> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            ErrorJson.body(
                "NotFound",
                new FieldError("creditCode", "登记册中没有该销售单位", "no such seller in the register")));
  }

  private static void ownCountyOnly(FenheUser user, County county) {
    if (!user.groupIds().contains(county.groupOf(FenheGroup.COUNTY_MARKET_SUPERVISION))) {
      throw denied(
          "只有" + county.groupName(FenheGroup.COUNTY_MARKET_SUPERVISION) + "可以维护本县的民用煤销售单位登记册",
          "only the county's market supervision department keeps its register");
    }
  }

  private CoalRegisters.Seller validated(
      Map<String, Object> input, String code, String county, String by) {
    String name = text(input, "sellerName");
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw bad("sellerName", "销售单位名称必填，不超过 100 字", "the seller's name is required (at most 100)");
    }
    SellerKind kind =
        SellerKind.of(text(input, "sellerKind"))
            .orElseThrow(
                () ->
                    bad(
                        "sellerKind",
                        "类别须为民用煤销售企业、民用煤供应点或型煤生产企业",
                        "sellerKind must be coal-seller, supply-point or briquette-producer"));
    CoalZone zone =
        CoalZone.of(text(input, "zone"))
            .orElseThrow(
                () ->
                    bad(
                        "zone",
                        "所在区域须为禁煤区、高污染燃料禁燃区或其他区域",
                        "zone must be no-coal, no-burn or other"));
    String address = text(input, "address");
    if (address != null && address.length() > MAX_ADDRESS) {
      throw bad("address", "地址不超过 200 字", "address: at most 200 characters");
    }
    return new CoalRegisters.Seller(
        code,
        name,
        kind.id(),
        county,
        zone.id(),
        address == null || address.isEmpty() ? null : address,
        by,
        now());
  }

  private static String text(Map<String, Object> input, String field) {
    Object value = input.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw bad(field, "须按文字填写", field + " must be text");
    }
    return s.trim();
  }

  /** Bad input: 400 naming the field, in Chinese and English. */
  private static InvalidInputException bad(String field, String chinese, String english) {
    return new InvalidInputException(new FieldError(field, chinese, english));
  }

  private static AccessDeniedException denied(String chinese, String english) {
    return new AccessDeniedException(new cn.gov.linfen.fenhe.common.Reason(chinese, english));
  }

  private Instant now() {
    return clock.now();
  }

  private static Map<String, Object> entry(CoalRegisters.Seller s) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("creditCode", s.creditCode());
    row.put("sellerName", s.sellerName());
    row.put("sellerKind", s.sellerKind());
    row.put(
        "sellerKindLabel",
        SellerKind.of(s.sellerKind()).map(SellerKind::label).orElse(s.sellerKind()));
    row.put("county", s.county());
    row.put("zone", s.zone());
    row.put("zoneLabel", CoalZone.of(s.zone()).map(CoalZone::label).orElse(s.zone()));
    row.put("address", s.address());
    row.put("registeredBy", s.registeredBy());
    row.put("registeredAt", s.registeredAt().toString());
    return row;
  }

  // ------------------------------------------------------------------ coverage (P4-R05)

  @GetMapping("/coverage")
  Map<String, Object> coverage(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String month) {
    Optional<County> own = countyOf(user);
    if (!readsAll(user) && own.isEmpty()) {
      throw denied(
          "只有督查人员、市市场监督管理局和县级市场监督管理部门可以查看抽检覆盖率",
          "only supervisors, the city bureau and county market supervision see coverage");
    }
    YearMonth ym =
        month == null || month.isBlank()
            ? YearMonth.from(clock.today())
            : MonthLabels.parse(month)
                .orElseThrow(
                    () -> bad("month", "月份无效：请按 年-月 选择，如 2026-11", "month must be YYYY-MM"));
    List<County> counties = readsAll(user) ? List.of(County.values()) : List.of(own.get());
    List<Map<String, Object>> rows = new ArrayList<>();
    int registered = 0;
    int drawn = 0;
    int sampled = 0;
    int failed = 0;
    int disposed = 0;
    for (County c : counties) {
      CoalRegisters.Coverage cov = registers.coverage(c.chineseName(), ym.toString());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("county", c.chineseName());
      row.put("registered", cov.registered());
      row.put("drawn", cov.drawn());
      row.put("sampled", cov.sampled());
      row.put("notPossible", cov.notPossible());
      row.put("failed", cov.failed());
      row.put("disposed", cov.disposed());
      row.put(
          "percentSampled",
          CheckingCoverage.percent(cov.sampled(), cov.registered()).toPlainString());
      boolean below = cov.registered() > 0 && cov.sampled() * 100L < 20L * cov.registered();
      row.put("belowMonthlyTarget", below);
      int yearRegistered = registers.registeredNow(c.chineseName());
      int yearSampled = registers.sampledOfRegisterInYear(c.chineseName(), ym.getYear());
      row.put("yearSampled", yearSampled);
      row.put(
          "yearPercentSampled",
          CheckingCoverage.percent(yearSampled, yearRegistered).toPlainString());
      row.put("statusLabel", cov.registered() == 0 ? "无登记销售单位" : below ? "低于 20%" : "达标");
      rows.add(row);
      registered += cov.registered();
      drawn += cov.drawn();
      sampled += cov.sampled();
      failed += cov.failed();
      disposed += cov.disposed();
    }
    Map<String, Object> total = new LinkedHashMap<>();
    total.put("registered", registered);
    total.put("drawn", drawn);
    total.put("sampled", sampled);
    total.put("failed", failed);
    total.put("disposed", disposed);
    total.put("percentSampled", CheckingCoverage.percent(sampled, registered).toPlainString());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("month", ym.toString());
    answer.put("monthLabel", MonthLabels.label(ym.toString()));
    answer.put("counties", rows);
    answer.put("total", total);
    return answer;
  }
}
