package cn.gov.linfen.fenhe.procedures.p5;

import cn.gov.linfen.fenhe.audit.AuditLog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 检查实施清单 of each department (临政办发明电〔2021〕6号 二(一)4): the item codes it inspects. Kept by the
 * department's regulators and the approval service bureau; every change audit-logged.
 */
public class InspectionLists {

  /** One listed item. */
  public record Item(String department, String itemCode, String itemName, String county) {}

  private final JdbcTemplate jdbc;
  private final AuditLog audit;

  public InspectionLists(JdbcTemplate jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<Item> items(String department) {
    return jdbc.query(
        "SELECT department, item_code, item_name, county FROM fenhe_p5_inspection_item"
            + " WHERE department = ? ORDER BY item_code",
        (rs, i) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
        department);
  }

  public boolean isListed(String department, String itemCode) {
    Integer n =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM fenhe_p5_inspection_item WHERE department = ? AND item_code = ?",
            Integer.class,
            department,
            itemCode);
    return n != null && n > 0;
  }

  /** The listed codes of the departments named, "department|code" (one query for a batch). */
  public Set<String> listed(Collection<String> departments) {
    Set<String> found = new HashSet<>();
    for (String department : new HashSet<>(departments)) {
      jdbc.query(
          "SELECT item_code FROM fenhe_p5_inspection_item WHERE department = ?",
          rs -> {
            found.add(department + "|" + rs.getString(1));
          },
          department);
    }
    return found;
  }

  /** Adds or renames an item; returns whether it was new. */
  public boolean put(Item item, String actor, Instant now) {
    int updated =
        jdbc.update(
            "UPDATE fenhe_p5_inspection_item SET item_name = ?, county = ?"
                + " WHERE department = ? AND item_code = ?",
            item.itemName(),
            item.county(),
            item.department(),
            item.itemCode());
    if (updated == 0) {
      jdbc.update(
          "INSERT INTO fenhe_p5_inspection_item"
              + " (department, item_code, item_name, county, added_by, added_at)"
              + " VALUES (?, ?, ?, ?, ?, ?)",
          item.department(),
          item.itemCode(),
          item.itemName(),
          item.county(),
          actor,
          Timestamp.from(now));
    }
    audit.record(
        actor,
        updated == 0 ? "p5.inspection-item.added" : "p5.inspection-item.changed",
        "检查实施清单:" + item.department(),
        item.itemCode() + " " + item.itemName());
    return updated == 0;
  }

  public boolean remove(String department, String itemCode, String actor) {
    int n =
        jdbc.update(
            "DELETE FROM fenhe_p5_inspection_item WHERE department = ? AND item_code = ?",
            department,
            itemCode);
    if (n > 0) {
      audit.record(actor, "p5.inspection-item.removed", "检查实施清单:" + department, itemCode);
    }
    return n > 0;
  }

  /** City departments (those with a city-level list): each reports at least 1 dynamic a month. */
  public List<String> cityDepartments() {
    return jdbc.queryForList(
        "SELECT DISTINCT department FROM fenhe_p5_inspection_item WHERE county IS NULL"
            + " ORDER BY department",
        String.class);
  }

  static Map<String, Object> json(Item item) {
    return Map.of(
        "department", item.department(),
        "itemCode", item.itemCode(),
        "itemName", item.itemName(),
        "county", item.county() == null ? "" : item.county());
  }
}
