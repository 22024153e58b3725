package cn.gov.linfen.fenhe.procedures.p4;

import cn.gov.linfen.fenhe.audit.AuditLog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's P4 tables (V40): the seller register per county, the monthly plans (seed and draw)
 * and the sampling ledger from which coverage is counted. Each call runs in the caller's
 * transaction (the engine's when a case moves), so a refused step leaves nothing.
 */
public class CoalRegisters {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One registered seller. */
  public record Seller(
      String creditCode,
      String sellerName,
      String sellerKind,
      String county,
      String zone,
      String address,
      String registeredBy,
      Instant registeredAt) {}

  /** One county's numbers for a month (coverage, P4-R05). */
  public record Coverage(
      String county,
      String month,
      int registered,
      int drawn,
      int sampled,
      int notPossible,
      int failed,
      int disposed) {}

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public CoalRegisters(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  // ------------------------------------------------------------------ the register

  private static Seller seller(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Seller(
        rs.getString("credit_code"),
        rs.getString("seller_name"),
        rs.getString("seller_kind"),
        rs.getString("county"),
        rs.getString("zone"),
        rs.getString("address"),
        rs.getString("registered_by"),
        rs.getTimestamp("registered_at").toInstant());
  }

  /** The sellers registered (not removed) in a county, by credit code. */
  public List<Seller> sellers(String county) {
    return jdbc.query(
        "SELECT * FROM fenhe_coal_seller WHERE county = ? AND removed_at IS NULL ORDER BY credit_code",
        (rs, row) -> seller(rs),
        county);
  }

  /** A registered (not removed) seller. */
  public Optional<Seller> seller(String creditCode) {
    return jdbc
        .query(
            "SELECT * FROM fenhe_coal_seller WHERE credit_code = ? AND removed_at IS NULL",
            (rs, row) -> seller(rs),
            creditCode)
        .stream()
        .findFirst();
  }

  /** A seller, removed or not (a case keeps its seller's name). */
  public Optional<Seller> sellerEver(String creditCode) {
    return jdbc
        .query(
            "SELECT * FROM fenhe_coal_seller WHERE credit_code = ?",
            (rs, row) -> seller(rs),
            creditCode)
        .stream()
        .findFirst();
  }

  /**
   * Registers a seller; false when the credit code is registered already (in any county).
   * Audit-logged.
   */
  public boolean register(Seller seller) {
    Integer existing =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_coal_seller WHERE credit_code = ?",
            Integer.class,
            seller.creditCode());
    boolean removedBefore = existing != null && existing > 0;
    if (removedBefore) {
      int revived =
          jdbc.update(
              "UPDATE fenhe_coal_seller SET seller_name = ?, seller_kind = ?, county = ?, zone = ?,"
                  + " address = ?, registered_by = ?, registered_at = ?, removed_at = NULL WHERE credit_code = ? AND removed_at IS NOT NULL",
              seller.sellerName(),
              seller.sellerKind(),
              seller.county(),
              seller.zone(),
              seller.address(),
              seller.registeredBy(),
              Timestamp.from(seller.registeredAt()),
              seller.creditCode());
      if (revived == 0) {
        return false;
      }
    } else {
      try {
        jdbc.update(
            "INSERT INTO fenhe_coal_seller (credit_code, seller_name, seller_kind, county, zone, address,"
                + " registered_by, registered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            seller.creditCode(),
            seller.sellerName(),
            seller.sellerKind(),
            seller.county(),
            seller.zone(),
            seller.address(),
            seller.registeredBy(),
            Timestamp.from(seller.registeredAt()));
      } catch (DuplicateKeyException concurrent) {
        return false;
      }
    }
    audit.record(
        seller.registeredBy(),
        "COAL_SELLER_ADD",
        subject(seller.creditCode()),
        json(describe(seller)));
    return true;
  }

  /**
   * Changes a seller's name, kind, zone or address (not its county). Audit-logged with before and
   * after.
   */
  public void update(Seller before, Seller after, String actor) {
    jdbc.update(
        "UPDATE fenhe_coal_seller SET seller_name = ?, seller_kind = ?, zone = ?, address = ? WHERE credit_code = ?",
        after.sellerName(),
        after.sellerKind(),
        after.zone(),
        after.address(),
        before.creditCode());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("before", describe(before));
    details.put("after", describe(after));
    audit.record(actor, "COAL_SELLER_CHANGE", subject(before.creditCode()), json(details));
  }

  /** Removes a seller from the register (kept for history). Audit-logged. */
  public void remove(Seller seller, String actor, Instant now) {
    jdbc.update(
        "UPDATE fenhe_coal_seller SET removed_at = ? WHERE credit_code = ?",
        Timestamp.from(now),
        seller.creditCode());
    audit.record(actor, "COAL_SELLER_REMOVE", subject(seller.creditCode()), json(describe(seller)));
  }

  public static String subject(String creditCode) {
    return "coal-seller:" + creditCode;
  }

  private static Map<String, Object> describe(Seller s) {
    Map<String, Object> d = new TreeMap<>();
    d.put("creditCode", s.creditCode());
    d.put("sellerName", s.sellerName());
    d.put("sellerKind", s.sellerKind());
    d.put("county", s.county());
    d.put("zone", s.zone());
    d.put("address", s.address() == null ? "" : s.address());
    return d;
  }

  // ------------------------------------------------------------------ plans and the ledger

  /** Sellers of the county sampled (status SAMPLED) in the year before or in the month. */
  public List<String> sampledInYear(String county, int year) {
    return jdbc.queryForList(
        "SELECT DISTINCT credit_code FROM fenhe_coal_sample WHERE county = ? AND status = 'SAMPLED'"
            + " AND sampling_month LIKE ?",
        String.class,
        county,
        year + "-%");
  }

  public boolean hasPlan(String county, String month) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_coal_plan WHERE county = ? AND sampling_month = ?",
            Integer.class,
            county,
            month);
    return n != null && n > 0;
  }

  /** Records the draw; the drawn sellers enter the ledger as PLANNED. */
  public void recordDraw(
      String county,
      String month,
      String seed,
      int registered,
      int target,
      String candidatesJson,
      List<String> drawn,
      Instant now) {
    jdbc.update(
        "INSERT INTO fenhe_coal_plan (county, sampling_month, seed, registered, target, candidates, drawn, drawn_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        county,
        month,
        seed,
        registered,
        target,
        candidatesJson,
        json(drawn),
        Timestamp.from(now));
    for (String code : drawn) {
      addToLedger(county, month, code, "DRAWN", now);
    }
  }

  public void addToLedger(
      String county, String month, String creditCode, String origin, Instant now) {
    jdbc.update(
        "INSERT INTO fenhe_coal_sample (county, sampling_month, credit_code, origin, status, updated_at)"
            + " VALUES (?, ?, ?, ?, 'PLANNED', ?)",
        county,
        month,
        creditCode,
        origin,
        Timestamp.from(now));
  }

  /** The plan of a county and month: seed, registered, target, candidates (JSON), drawn (JSON). */
  public Optional<Map<String, Object>> plan(String county, String month) {
    return jdbc
        .queryForList(
            "SELECT seed, registered, target, candidates, drawn, drawn_at FROM fenhe_coal_plan"
                + " WHERE county = ? AND sampling_month = ?",
            county,
            month)
        .stream()
        .findFirst();
  }

  public List<Map<String, Object>> ledger(String county, String month) {
    return jdbc.queryForList(
        "SELECT credit_code, origin, status, business_key, sampled_on, coal_type, conforms, disposed"
            + " FROM fenhe_coal_sample WHERE county = ? AND sampling_month = ? ORDER BY credit_code",
        county,
        month);
  }

  public void caseStarted(
      String county, String month, String creditCode, String businessKey, Instant now) {
    jdbc.update(
        "UPDATE fenhe_coal_sample SET business_key = ?, updated_at = ? WHERE county = ? AND sampling_month = ?"
            + " AND credit_code = ?",
        businessKey,
        Timestamp.from(now),
        county,
        month,
        creditCode);
  }

  public void sampled(
      String county,
      String month,
      String creditCode,
      boolean sampled,
      LocalDate on,
      String coalType,
      Instant now) {
    jdbc.update(
        "UPDATE fenhe_coal_sample SET status = ?, sampled_on = ?, coal_type = ?, updated_at = ?"
            + " WHERE county = ? AND sampling_month = ? AND credit_code = ?",
        sampled ? "SAMPLED" : "NOT_POSSIBLE",
        on == null ? null : Date.valueOf(on),
        coalType,
        Timestamp.from(now),
        county,
        month,
        creditCode);
  }

  public void decided(
      String county, String month, String creditCode, boolean conforms, Instant now) {
    jdbc.update(
        "UPDATE fenhe_coal_sample SET conforms = ?, updated_at = ? WHERE county = ? AND sampling_month = ?"
            + " AND credit_code = ?",
        conforms,
        Timestamp.from(now),
        county,
        month,
        creditCode);
  }

  public void disposed(String county, String month, String creditCode, Instant now) {
    jdbc.update(
        "UPDATE fenhe_coal_sample SET disposed = TRUE, updated_at = ? WHERE county = ? AND sampling_month = ?"
            + " AND credit_code = ?",
        Timestamp.from(now),
        county,
        month,
        creditCode);
  }

  /**
   * A county's coverage in a month: registered at the plan (or now, without a plan), drawn,
   * sampled, failed, disposed.
   */
  public Coverage coverage(String county, String month) {
    Integer atPlan =
        jdbc.query(
            "SELECT registered FROM fenhe_coal_plan WHERE county = ? AND sampling_month = ?",
            rs -> rs.next() ? rs.getInt(1) : null,
            county,
            month);
    int registered = atPlan != null ? atPlan : registeredNow(county);
    Map<String, Object> row =
        jdbc.queryForMap(
            "SELECT COUNT(*) AS drawn,"
                + " SUM(CASE WHEN status = 'SAMPLED' THEN 1 ELSE 0 END) AS sampled,"
                + " SUM(CASE WHEN status = 'NOT_POSSIBLE' THEN 1 ELSE 0 END) AS not_possible,"
                + " SUM(CASE WHEN conforms = FALSE THEN 1 ELSE 0 END) AS failed,"
                + " SUM(CASE WHEN disposed = TRUE THEN 1 ELSE 0 END) AS disposed"
                + " FROM fenhe_coal_sample WHERE county = ? AND sampling_month = ?",
            county,
            month);
    return new Coverage(
        county,
        month,
        registered,
        number(row, "drawn"),
        number(row, "sampled"),
        number(row, "not_possible"),
        number(row, "failed"),
        number(row, "disposed"));
  }

  public int registeredNow(String county) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_coal_seller WHERE county = ? AND removed_at IS NULL",
            Integer.class,
            county);
    return n == null ? 0 : n;
  }

  /**
   * Sellers registered now that were sampled in the year (the year's coverage counts today's
   * register).
   */
  public int sampledOfRegisterInYear(String county, int year) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_coal_seller s WHERE s.county = ? AND s.removed_at IS NULL"
                + " AND EXISTS (SELECT 1 FROM fenhe_coal_sample x WHERE x.credit_code = s.credit_code AND x.county = s.county"
                + " AND x.status = 'SAMPLED' AND x.sampling_month LIKE ?)",
            Integer.class,
            county,
            year + "-%");
    return n == null ? 0 : n;
  }

  private static int number(Map<String, Object> row, String key) {
    for (Map.Entry<String, Object> e : row.entrySet()) {
      if (e.getKey().equalsIgnoreCase(key)) {
        return e.getValue() instanceof Number n ? n.intValue() : 0;
      }
    }
    return 0;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
