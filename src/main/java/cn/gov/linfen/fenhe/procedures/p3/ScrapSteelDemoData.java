package cn.gov.linfen.fenhe.procedures.p3;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.config.EngineRole;
import cn.gov.linfen.fenhe.engine.StartupLock;
import javax.sql.DataSource;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo profile only: three ILLUSTRATIVE enterprises on the announcement list (made-up names and
 * credit codes with valid check digits), so demo-enterprise can apply. Added like the bureau adds
 * them (audit-logged, actor {@value #ACTOR}); never in production. Under the {@link StartupLock}:
 * of engine nodes starting together, one adds them and the others find them.
 */
@Component
@Profile("demo")
@EngineRole
public class ScrapSteelDemoData implements ApplicationRunner {

  static final String ACTOR = "demo-seed";
  static final String[][] ENTERPRISES = {
    {"91141002MA0K1A2B38", "临汾市尧都区示例再生资源有限公司（演示）"},
    {"91141081MA0K2C4D5F", "侯马市示例废钢加工有限公司（演示）"},
    {"91141023MA0K3E6F79", "襄汾县示例金属回收有限公司（演示）"}
  };

  private final ScrapSteelRegisters registers;
  private final TransactionTemplate transactions;

  private final FenheClock clock;
  private final DataSource dataSource;

  public ScrapSteelDemoData(
      ScrapSteelRegisters registers,
      PlatformTransactionManager transactionManager,
      FenheClock clock,
      DataSource dataSource) {
    this.clock = clock;
    this.dataSource = dataSource;
    this.registers = registers;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @Override
  public void run(ApplicationArguments args) {
    StartupLock.around(dataSource, this::announce);
  }

  private void announce() {
    for (String[] enterprise : ENTERPRISES) {
      transactions.executeWithoutResult(
          status ->
              registers.announce(enterprise[0], enterprise[1], "演示数据（非真实公告）", ACTOR, clock.now()));
    }
  }
}
