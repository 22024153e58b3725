package cn.gov.linfen.fenhe.materials;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The materials' bytes in the platform's own table {@code fenhe_material_content} (BYTEA), written
 * with the caller's transaction (the engine's, when a case is started or a step completed).
 */
public class JdbcMaterialStore implements MaterialStore {

  private final JdbcTemplate jdbc;

  public JdbcMaterialStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(String id, byte[] content) {
    jdbc.update("INSERT INTO fenhe_material_content (id, content) VALUES (?, ?)", id, content);
  }

  @Override
  public Optional<byte[]> get(String id) {
    List<byte[]> found =
        jdbc.query(
            "SELECT content FROM fenhe_material_content WHERE id = ?",
            (rs, row) -> rs.getBytes(1),
            id);
    return found.stream().findFirst();
  }

  @Override
  public void remove(String id) {
    jdbc.update("DELETE FROM fenhe_material_content WHERE id = ?", id);
  }
}
