package cn.gov.linfen.fenhe.workers.p4;

import cn.gov.linfen.fenhe.procedures.p4.CheckingCoverage;
import cn.gov.linfen.fenhe.procedures.p4.DrawingSellers;
import cn.gov.linfen.fenhe.procedures.p4.OpeningSamplingMonth;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services the P4 workers call (民用煤煤质抽检), wired explicitly. */
@Configuration(proxyBeanMethods = false)
public class P4WorkersConfiguration {

  @Bean
  OpeningSamplingMonth openingSamplingMonth(cn.gov.linfen.fenhe.common.FenheClock clock) {
    return new OpeningSamplingMonth(clock.zone());
  }

  @Bean
  DrawingSellers drawingSellers() {
    return new DrawingSellers();
  }

  @Bean
  CheckingCoverage checkingCoverage() {
    return new CheckingCoverage();
  }
}
