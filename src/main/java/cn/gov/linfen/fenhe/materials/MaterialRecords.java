package cn.gov.linfen.fenhe.materials;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The metadata of the materials ({@code fenhe_material}), in the caller's transaction. */
public class MaterialRecords {

  private static final String COLUMNS =
      "id, process_key, business_key, process_instance_id, type, file_name, size_bytes, sha256,"
          + " content_type, uploaded_by, uploaded_at, step, replaced_by, pending_until";

  private final JdbcTemplate jdbc;

  public MaterialRecords(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Material m) {
    jdbc.update(
        "INSERT INTO fenhe_material ("
            + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        m.id(),
        m.processKey(),
        m.businessKey(),
        m.processInstanceId(),
        m.type(),
        m.fileName(),
        m.size(),
        m.sha256(),
        m.contentType(),
        m.uploadedBy(),
        Timestamp.from(m.uploadedAt()),
        m.step(),
        m.replacedBy(),
        m.pendingUntil() == null ? null : Timestamp.from(m.pendingUntil()));
  }

  public Optional<Material> find(String id) {
    return jdbc
        .query("SELECT " + COLUMNS + " FROM fenhe_material WHERE id = ?", this::row, id)
        .stream()
        .findFirst();
  }

  /** Every file of the case, replaced ones too, in the order they were handed in. */
  public List<Material> ofCase(String processInstanceId) {
    return jdbc.query(
        "SELECT "
            + COLUMNS
            + " FROM fenhe_material WHERE process_instance_id = ? ORDER BY uploaded_at, id",
        this::row,
        processInstanceId);
  }

  /** The case's current (not replaced) file of a type. */
  public Optional<Material> current(String processInstanceId, String type) {
    return jdbc
        .query(
            "SELECT "
                + COLUMNS
                + " FROM fenhe_material WHERE process_instance_id = ? AND type = ?"
                + " AND replaced_by IS NULL",
            this::row,
            processInstanceId,
            type)
        .stream()
        .findFirst();
  }

  public void replace(String id, String replacedBy) {
    jdbc.update("UPDATE fenhe_material SET replaced_by = ? WHERE id = ?", replacedBy, id);
  }

  /** Attaches a pending upload to its new case (only while it is still pending). */
  public boolean attach(String id, String processInstanceId, String businessKey) {
    return jdbc.update(
            "UPDATE fenhe_material SET process_instance_id = ?, business_key = ?,"
                + " pending_until = NULL WHERE id = ? AND process_instance_id IS NULL",
            processInstanceId,
            businessKey,
            id)
        == 1;
  }

  /** The ids of pending uploads that expired before the instant. */
  public List<String> expired(Instant now) {
    return jdbc.queryForList(
        "SELECT id FROM fenhe_material WHERE process_instance_id IS NULL AND pending_until < ?",
        String.class,
        Timestamp.from(now));
  }

  /** Removes an expired pending upload's row (never an attached one). */
  public boolean removePending(String id) {
    return jdbc.update(
            "DELETE FROM fenhe_material WHERE id = ? AND process_instance_id IS NULL", id)
        == 1;
  }

  private Material row(ResultSet rs, int row) throws SQLException {
    Timestamp pending = rs.getTimestamp("pending_until");
    return new Material(
        rs.getString("id"),
        rs.getString("process_key"),
        rs.getString("business_key"),
        rs.getString("process_instance_id"),
        rs.getString("type"),
        rs.getString("file_name"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("content_type"),
        rs.getString("uploaded_by"),
        rs.getTimestamp("uploaded_at").toInstant(),
        rs.getString("step"),
        rs.getString("replaced_by"),
        pending == null ? null : pending.toInstant());
  }
}
