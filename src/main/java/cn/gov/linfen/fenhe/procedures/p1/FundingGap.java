package cn.gov.linfen.fenhe.procedures.p1;

import static cn.gov.linfen.fenhe.procedures.p1.SoeReformFundProcess.Variables.*;

import cn.gov.linfen.fenhe.common.Yuan;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The figures of Art. 5: what is requested (liquidation costs plus the resettlement items) and the
 * gap it may not exceed (total reform cost minus asset realisation; land-use-right proceeds are
 * recorded but not counted). Absent items count as 0.
 */
public record FundingGap(
    BigDecimal liquidationCosts,
    BigDecimal resettlementCosts,
    BigDecimal requested,
    BigDecimal totalReformCost,
    BigDecimal assetRealization,
    BigDecimal gap) {

  /** From already checked variables (see {@link ApplicationCheck}). */
  public static FundingGap of(Map<String, Object> variables) {
    BigDecimal liquidation = Yuan.orZero(variables.get(LIQUIDATION_COST_AMOUNT));
    BigDecimal resettlement = BigDecimal.ZERO;
    for (String item : RESETTLEMENT_ITEMS) {
      resettlement = resettlement.add(Yuan.orZero(variables.get(item)));
    }
    BigDecimal total = Yuan.orZero(variables.get(TOTAL_REFORM_COST));
    BigDecimal assets = Yuan.orZero(variables.get(ASSET_REALIZATION));
    return new FundingGap(
        liquidation,
        resettlement,
        liquidation.add(resettlement),
        total,
        assets,
        total.subtract(assets));
  }

  public boolean hasLiquidationCosts() {
    return liquidationCosts.signum() > 0;
  }

  public boolean hasResettlementCosts() {
    return resettlementCosts.signum() > 0;
  }
}
