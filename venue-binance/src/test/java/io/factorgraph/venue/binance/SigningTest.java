package io.factorgraph.venue.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningTest {
    /** Binance's documented example of a SIGNED request (USD-M futures, "SIGNED Endpoint Examples for POST"). */
    private static final String DOC_KEY = "dbefbc809e3e83c283a984c3a1459732ea7db1360ca80c5c2c8867408d28cc83";

    private static final String DOC_SECRET = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";
    private static final String DOC_QUERY =
            "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943";
    private static final String DOC_SIGNATURE = "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9";

    @Test
    void documentedExampleSignsToTheDocumentedSignature() {
        RequestSigner signer = new RequestSigner(new Credentials(DOC_KEY, DOC_SECRET));
        assertEquals(DOC_SIGNATURE, signer.sign(DOC_QUERY));
        String signed = signer.signedQuery(
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC", 5000, 1591702613943L);
        assertEquals(DOC_QUERY + "&signature=" + DOC_SIGNATURE, signed);
    }

    @Test
    void aChangedParameterChangesTheSignature() {
        RequestSigner signer = new RequestSigner(new Credentials(DOC_KEY, DOC_SECRET));
        assertFalse(DOC_SIGNATURE.equals(signer.sign(DOC_QUERY.replace("price=9000", "price=9001"))));
    }

    @Test
    void serverClockTakesTheMiddleOfTheRoundTrip() {
        AtomicLong local = new AtomicLong(1_000_000L);
        ServerClock clock = new ServerClock(local::get);
        assertEquals(1_000_000L, clock.nowMillis());
        // sent at 1000000, answered 1000040: the server's 1005020 was read at about 1000020
        clock.update(1_005_020L, 1_000_000L, 1_000_040L);
        assertEquals(5_000L, clock.offsetMillis());
        local.set(1_000_100L);
        assertEquals(1_005_100L, clock.nowMillis());
    }

    @Test
    void credentialsNeverShowTheSecret() {
        Credentials c = new Credentials(DOC_KEY, DOC_SECRET);
        assertFalse(c.toString().contains(DOC_SECRET));
        assertFalse(c.toString().contains(DOC_KEY));
    }

    @Test
    void credentialsFromTheEnvironmentNameTheMissingVariable() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Credentials.fromEnvironment(Map.of(Credentials.KEY_VARIABLE, "k")));
        assertTrue(e.getMessage().contains(Credentials.SECRET_VARIABLE), e.getMessage());
        assertEquals(
                "k",
                Credentials.fromEnvironment(Map.of(Credentials.KEY_VARIABLE, "k", Credentials.SECRET_VARIABLE, "s"))
                        .apiKey());
    }

    @Test
    void aCredentialsFileOthersCanReadIsRefusedWithoutItsContentInTheMessage(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binance.keys");
        Files.writeString(file, "key=" + DOC_KEY + "\nsecret=" + DOC_SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.fromFile(file));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
        assertFalse(e.getMessage().contains(DOC_SECRET));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Credentials c = Credentials.fromFile(file);
        assertEquals(DOC_KEY, c.apiKey());
        assertEquals(DOC_SIGNATURE, new RequestSigner(c).sign(DOC_QUERY));
    }

    @Test
    void aMalformedCredentialsFileNamesTheLineNotItsContent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("binance.keys");
        Files.writeString(file, "key=abc\n" + DOC_SECRET + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.fromFile(file));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertFalse(e.getMessage().contains(DOC_SECRET));
    }
}
