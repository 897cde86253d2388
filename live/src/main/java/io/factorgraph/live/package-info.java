/** Live trading: Aeron IPC processes (connector, engine, strategy) with SBE messages. */
package io.factorgraph.live;
