/** Backtesting: an exchange simulator on recorded data, accounting, and reports. */
package io.factorgraph.backtest;
