package db.migration;

import cn.gov.linfen.fenhe.procedures.p3.ScrapSteelPeriodMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * P3-R08 (临政办发〔2021〕20号 三): the period of a scrap-steel application is the half-year before the
 * application month. Rows written before were keyed by the application month's own half ({@code
 * 2027-H1} for January 2027, meaning July–December 2026): every stored period moves back by one
 * half-year, in the platform's register and in the engine's variables. See {@link
 * ScrapSteelPeriodMigration}.
 */
public class V31__Scrap_steel_preceding_period extends BaseJavaMigration {

  @Override
  public void migrate(Context context) throws Exception {
    new ScrapSteelPeriodMigration(context.getConnection()).run();
  }
}
