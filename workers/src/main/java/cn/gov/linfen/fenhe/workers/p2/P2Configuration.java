package cn.gov.linfen.fenhe.workers.p2;

import cn.gov.linfen.fenhe.common.FenheClock;
import cn.gov.linfen.fenhe.procedures.p2.FarmlandChecks;
import cn.gov.linfen.fenhe.procedures.p2.FilingApplicationCheck;
import cn.gov.linfen.fenhe.procedures.p2.OpeningNotice;
import cn.gov.linfen.fenhe.procedures.p2.RecordingFiling;
import cn.gov.linfen.fenhe.procedures.p2.RecordingObjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain services of P2 (设施农业用地), wired explicitly for its workers and checks. */
@Configuration(proxyBeanMethods = false)
public class P2Configuration {

  @Bean
  FilingApplicationCheck farmlandFilingApplicationCheck() {
    return new FilingApplicationCheck();
  }

  @Bean
  FarmlandChecks farmlandChecks(FilingApplicationCheck application, FenheClock clock) {
    return new FarmlandChecks(application, clock.zone());
  }

  @Bean
  OpeningNotice openingNotice(FenheClock clock) {
    return new OpeningNotice(clock.zone());
  }

  @Bean
  RecordingObjection recordingObjection(FenheClock clock) {
    return new RecordingObjection(clock.zone());
  }

  @Bean
  RecordingFiling recordingFiling(FenheClock clock) {
    return new RecordingFiling(clock.zone());
  }
}
