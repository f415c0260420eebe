package org.signum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.signum.compiler.ir.Rational;
import picocli.CommandLine.TypeConversionException;

/** {@code --input-scale}: fractions and decimals, kept exact. */
class InputScaleConverterTest {
  private final InputScaleConverter c = new InputScaleConverter();

  @Test
  void fractionsAndDecimalsInLowestTerms() {
    assertEquals(Rational.of(1, 255), c.convert("1/255"));
    assertEquals(Rational.of(1, 255), c.convert(" 2/510 "));
    assertEquals(Rational.of(1, 2), c.convert("0.5"));
    assertEquals(Rational.of(5, 2), c.convert("2.50"));
    assertEquals(Rational.of(2, 1), c.convert("2"));
    assertEquals(Rational.of(1, 1000), c.convert("1e-3"));
    assertEquals(Rational.of(300, 1), c.convert("3E2"));
  }

  @Test
  void refusals() {
    for (String bad : new String[] {"", "abc", "1/", "/2", "1/2/3", "-1/2", "NaN", "0x10"}) {
      TypeConversionException e = assertThrows(TypeConversionException.class, () -> c.convert(bad));
      assertEquals(
          "'" + bad + "' is not a number or a fraction; expected, for example, 1/255, 0.5 or 2",
          e.getMessage());
    }
    assertEquals(
        "'1/0' is not positive; the input scale multiplies each raw byte",
        assertThrows(TypeConversionException.class, () -> c.convert("1/0")).getMessage());
    assertEquals(
        "'-0.5' is not positive; the input scale multiplies each raw byte",
        assertThrows(TypeConversionException.class, () -> c.convert("-0.5")).getMessage());
    assertEquals(
        "'4294967296' is 4294967296/1 in lowest terms; numerator and denominator must be at most"
            + " 2147483647 (write a fraction such as 1/255)",
        assertThrows(TypeConversionException.class, () -> c.convert("4294967296")).getMessage());
  }
}
