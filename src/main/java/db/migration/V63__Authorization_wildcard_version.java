package db.migration;

import cn.gov.linfen.fenhe.engine.WildcardGrantVersion;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Issue 20 (docs/security.md, "Wildcard grants decide without asking row by row"): the version of
 * the wildcard authorizations ({@code ACT_RU_AUTHORIZATION} rows with {@code RESOURCE_ID_ = '*'}),
 * which a trigger on the engine's table moves on PostgreSQL. The engine may start before this
 * migration runs and then creates the same table itself; two nodes starting together may do both at
 * once. See {@link WildcardGrantVersion#createTable}.
 */
public class V63__Authorization_wildcard_version extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    WildcardGrantVersion.createTable(context.getConnection());
  }
}
