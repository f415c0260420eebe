package org.signum.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.signum.compiler.ir.Rational;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --input-scale}: a fraction {@code N/D} of whole numbers, or a decimal number such as
 * {@code 0.5} or {@code 2}, kept exact. Numerator and denominator, in lowest terms, must lie in [1,
 * 2147483647], so {@code 1/255} is written as a fraction: no decimal is exactly 1/255.
 */
final class InputScaleConverter implements ITypeConverter<Rational> {
  private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  @Override
  public Rational convert(String value) {
    String s = value.strip();
    BigInteger num;
    BigInteger den;
    try {
      int slash = s.indexOf('/');
      if (slash >= 0) {
        num = whole(s.substring(0, slash));
        den = whole(s.substring(slash + 1));
      } else {
        BigDecimal d = new BigDecimal(s);
        num = d.unscaledValue();
        den = BigInteger.ONE;
        if (d.scale() > 0) {
          den = BigInteger.TEN.pow(d.scale());
        } else {
          num = num.multiply(BigInteger.TEN.pow(-d.scale()));
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid(value);
    }
    if (num.signum() <= 0 || den.signum() <= 0) {
      throw new TypeConversionException(
          "'" + value + "' is not positive; the input scale multiplies each raw byte");
    }
    BigInteger g = num.gcd(den);
    num = num.divide(g);
    den = den.divide(g);
    if (num.compareTo(MAX) > 0 || den.compareTo(MAX) > 0) {
      throw new TypeConversionException(
          "'"
              + value
              + "' is "
              + num
              + "/"
              + den
              + " in lowest terms; numerator and denominator must be at most 2147483647 (write"
              + " a fraction such as 1/255)");
    }
    return Rational.of(num.longValueExact(), den.longValueExact());
  }

  private static BigInteger whole(String s) {
    if (!s.strip().matches("\\d+")) {
      throw new NumberFormatException(s);
    }
    return new BigInteger(s.strip());
  }

  private static TypeConversionException invalid(String value) {
    return new TypeConversionException(
        "'" + value + "' is not a number or a fraction; expected, for example, 1/255, 0.5 or 2");
  }
}
