/** JMH benchmarks of the simulator, each with a plain Java baseline measured in the same run. */
package org.signum.bench;
