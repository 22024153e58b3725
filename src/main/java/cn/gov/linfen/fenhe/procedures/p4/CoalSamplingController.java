package cn.gov.linfen.fenhe.procedures.p4;

import cn.gov.linfen.fenhe.common.County;
import cn.gov.linfen.fenhe.common.CreditCode;
import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.common.FenheGroup;
import cn.gov.linfen.fenhe.common.FieldError;
import cn.gov.linfen.fenhe.common.Reason;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.security.ErrorJson;
import cn.gov.linfen.fenhe.security.FenheUser;
import cn.gov.linfen.fenhe.web.AccessDeniedException;
import cn.gov.linfen.fenhe.web.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "民用煤煤质抽检")
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

  @Operation(summary = "查看民用煤销售主体名录")
  @GetMapping("/sellers")
  Map<String, Object> sellers(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String county) {
    County asked =
        county == null || county.isBlank()
            ? null
            : County.of(county)
                .orElseThrow(() -> bad(P4Refusal.REGISTER_COUNTY_UNKNOWN.at("county")));
    Optional<County> own = countyOf(user);
    List<County> shown;
    if (readsAll(user)) {
      shown = asked != null ? List.of(asked) : List.of(County.values());
    } else if (own.isPresent() && (asked == null || asked == own.get())) {
      shown = List.of(own.get());
    } else {
      throw denied(P4Refusal.REGISTER_READ_DENIED.reason());
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

  @Operation(summary = "登记民用煤销售主体")
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
            .orElseThrow(() -> bad(P4Refusal.REGISTER_COUNTY_UNKNOWN.at("county")));
    ownCountyOnly(user, county);
    CoalRegisters.Seller seller = validated(input, code, county.chineseName(), user.id());
    Boolean added = transactions.execute(status -> registers.register(seller));
    if (!Boolean.TRUE.equals(added)) {
      throw bad(P4Refusal.SELLER_REGISTERED_ALREADY.at("creditCode"));
    }
    return ResponseEntity.status(HttpStatus.CREATED).body(entry(seller));
  }

  @Operation(summary = "修改民用煤销售主体")
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
      throw bad(P4Refusal.SELLER_COUNTY_CANNOT_CHANGE.at("county"));
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

  @Operation(summary = "注销民用煤销售主体")
  @DeleteMapping("/sellers/{creditCode}")
  ResponseEntity<?> remove(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @PathVariable String creditCode) {
    Optional<CoalRegisters.Seller> seller = registers.seller(creditCode.trim());
    if (seller.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body(ErrorJson.body("NotFound", P4Refusal.SELLER_NOT_REGISTERED.at("creditCode")));
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
        .body(ErrorJson.body("NotFound", P4Refusal.SELLER_NOT_REGISTERED.at("creditCode")));
  }

  private static void ownCountyOnly(FenheUser user, County county) {
    if (!user.groupIds().contains(county.groupOf(FenheGroup.COUNTY_MARKET_SUPERVISION))) {
      throw denied(
          P4Refusal.REGISTER_KEEP_DENIED.reason(
              county.groupName(FenheGroup.COUNTY_MARKET_SUPERVISION)));
    }
  }

  private CoalRegisters.Seller validated(
      Map<String, Object> input, String code, String county, String by) {
    String name = text(input, "sellerName");
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      throw bad(P4Refusal.SELLER_NAME_INVALID.at("sellerName"));
    }
    SellerKind kind =
        SellerKind.of(text(input, "sellerKind"))
            .orElseThrow(() -> bad(P4Refusal.SELLER_KIND_UNKNOWN.at("sellerKind")));
    CoalZone zone =
        CoalZone.of(text(input, "zone"))
            .orElseThrow(() -> bad(P4Refusal.SELLER_ZONE_UNKNOWN.at("zone")));
    String address = text(input, "address");
    if (address != null && address.length() > MAX_ADDRESS) {
      throw bad(P4Refusal.SELLER_ADDRESS_TOO_LONG.at("address"));
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
      throw bad(P4Refusal.INPUT_NOT_TEXT.at(field, field));
    }
    return s.trim();
  }

  /** Bad input: 400 naming the field, in Chinese and English. */
  private static InvalidInputException bad(FieldError error) {
    return new InvalidInputException(error);
  }

  private static AccessDeniedException denied(Reason reason) {
    return new AccessDeniedException(reason);
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

  @Operation(summary = "月度抽检覆盖情况")
  @GetMapping("/coverage")
  Map<String, Object> coverage(
      @RequestAttribute(FenheUser.REQUEST_ATTRIBUTE) FenheUser user,
      @RequestParam(required = false) String month) {
    Optional<County> own = countyOf(user);
    if (!readsAll(user) && own.isEmpty()) {
      throw denied(P4Refusal.COVERAGE_READ_DENIED.reason());
    }
    YearMonth ym =
        month == null || month.isBlank()
            ? YearMonth.from(clock.today())
            : MonthLabels.parse(month)
                .orElseThrow(() -> bad(P4Refusal.COVERAGE_MONTH_INVALID.at("month")));
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
