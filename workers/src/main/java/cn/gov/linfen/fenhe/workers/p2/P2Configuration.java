package cn.gov.linfen.fenhe.workers.p2;

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
  FarmlandChecks farmlandChecks(FilingApplicationCheck application) {
    return new FarmlandChecks(application);
  }

  @Bean
  OpeningNotice openingNotice() {
    return new OpeningNotice();
  }

  @Bean
  RecordingObjection recordingObjection() {
    return new RecordingObjection();
  }

  @Bean
  RecordingFiling recordingFiling() {
    return new RecordingFiling();
  }
}
