package io.vigil.detectors.multivariate;

/**
 * Neumaier's compensated summation: the error stays near one rounding of the total instead of
 * growing with the number of terms, so that kernel sums over millions of pairs keep the unbiased
 * MMD² (a small difference of large sums) accurate to about 1e-15.
 *
 * <p>Reference: A. Neumaier (1974), "Rundungsfehleranalyse einiger Verfahren zur Summation
 * endlicher Summen", ZAMM 54(1), 39–51, <a
 * href="https://doi.org/10.1002/zamm.19740540106">doi:10.1002/zamm.19740540106</a>.
 */
final class CompensatedSum {

  private double sum;
  private double compensation;

  void accept(double value) {
    double total = sum + value;
    // Recover the low-order bits lost by whichever operand is smaller in magnitude.
    if (Math.abs(sum) >= Math.abs(value)) {
      compensation += (sum - total) + value;
    } else {
      compensation += (value - total) + sum;
    }
    sum = total;
  }

  double value() {
    return sum + compensation;
  }
}
