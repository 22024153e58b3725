package cn.gov.linfen.fenhe.documents;

import cn.gov.linfen.fenhe.common.FenheClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Numbers (文号) of official documents: {@code 临企改拨〔2026〕7号}, from a sequence per document kind and
 * year, never random, never reused. A number is taken in the caller's transaction (the one that
 * issues the document: an engine listener, a controller): when it rolls back, the number was not
 * taken. Idempotent per case and kind: a second issue of the same document (a retried step) answers
 * the number it already has.
 *
 * <p>The counter row of a new kind and year is created in a transaction of its own (it takes no
 * number, so creating it twice is harmless and a duplicate is ignored); the number itself is taken
 * with {@code UPDATE … SET next_seq = next_seq + 1}, whose row lock holds concurrent issuers of the
 * same kind and year until the first commits — on H2 and PostgreSQL alike.
 */
public class DocumentNumbers {

  /** An issued document: its number and where it came from. */
  public record Issued(
      String businessKey,
      String kind,
      String number,
      int year,
      int seq,
      Instant issuedAt,
      String issuedBy,
      String sha256) {}

  private final JdbcTemplate jdbc;
  private final FenheClock clock;
  private final TransactionTemplate ownTransaction;
  private final TransactionTemplate callersTransaction;

  public DocumentNumbers(
      JdbcTemplate jdbc, FenheClock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.callersTransaction = new TransactionTemplate(transactions);
  }

  /**
   * Issues the case's document of this kind, numbered {@code <prefix>〔<year>〕<seq>号} in the year of
   * today (Fenhe's zone), or answers the one it has.
   */
  public Issued issue(String businessKey, String kind, String prefix, String issuedBy) {
    return issue(businessKey, kind, kind, prefix, issuedBy);
  }

  /**
   * As {@link #issue(String, String, String, String)}, numbered in a series of its own (e.g. one
   * per township for the farmland filings of that township: {@code 尧都区屯里镇设施农业用地备〔2026〕3号}).
   */
  public Issued issue(
      String businessKey, String kind, String series, String prefix, String issuedBy) {
    Objects.requireNonNull(businessKey, "businessKey");
    // joins the caller's transaction (the engine's), or makes one when called outside any
    return callersTransaction.execute(
        status -> issueInTransaction(businessKey, kind, series, prefix, issuedBy));
  }

  private Issued issueInTransaction(
      String businessKey, String kind, String series, String prefix, String issuedBy) {
    Optional<Issued> existing = find(businessKey, kind);
    if (existing.isPresent()) {
      return existing.get();
    }
    Instant now = clock.now();
    int year = clock.dateOf(now).getYear();
    ensureCounter(series, year);
    jdbc.update(
        "UPDATE fenhe_document_counter SET next_seq = next_seq + 1 WHERE series = ? AND doc_year = ?",
        series,
        year);
    Integer next =
        jdbc.queryForObject(
            "SELECT next_seq FROM fenhe_document_counter WHERE series = ? AND doc_year = ?",
            Integer.class,
            series,
            year);
    int seq = next - 1;
    String number = prefix + "〔" + year + "〕" + seq + "号";
    jdbc.update(
        "INSERT INTO fenhe_document (business_key, kind, series, doc_number, doc_year, seq,"
            + " issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        businessKey,
        kind,
        series,
        number,
        year,
        seq,
        Timestamp.from(now),
        issuedBy == null ? "system" : issuedBy);
    return new Issued(businessKey, kind, number, year, seq, now, issuedBy, null);
  }

  /** The case's issued document of this kind, if any. */
  public Optional<Issued> find(String businessKey, String kind) {
    List<Issued> rows =
        jdbc.query(
            "SELECT business_key, kind, doc_number, doc_year, seq, issued_at, issued_by, sha256"
                + " FROM fenhe_document WHERE business_key = ? AND kind = ?",
            (rs, i) ->
                new Issued(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getString(7),
                    rs.getString(8)),
            businessKey,
            kind);
    return rows.stream().findFirst();
  }

  /**
   * Records the hash of the document's PDF when it is first produced; answers the recorded one
   * (equal when the rendering is deterministic, as it is).
   */
  public String recordHash(String businessKey, String kind, String sha256) {
    jdbc.update(
        "UPDATE fenhe_document SET sha256 = ? WHERE business_key = ? AND kind = ? AND sha256 IS"
            + " NULL",
        sha256,
        businessKey,
        kind);
    return find(businessKey, kind).map(Issued::sha256).orElse(null);
  }

  private void ensureCounter(String series, int year) {
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_document_counter WHERE series = ? AND doc_year = ?",
            Integer.class,
            series,
            year);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "INSERT INTO fenhe_document_counter (series, doc_year, next_seq) VALUES (?, ?, 1)",
                  series,
                  year));
    } catch (DuplicateKeyException alreadyCreated) {
      // another issuer created it first: nothing was taken, go on
    }
  }
}
