package net.smtpfeed.relay.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A real DNS server on a loopback UDP port, answering from the records a test gives it: authoritative answers,
 * NXDOMAIN for names it has no record of, NODATA for a known name without the asked type, SERVFAIL for names told to
 * fail, and silence for names told to time out. Built from dnsjava's own wire format classes.
 */
public final class DnsResponder implements AutoCloseable {

    private final DatagramSocket socket;
    private final Thread thread;
    private final Map<Name, List<Record>> records = new ConcurrentHashMap<>();
    /** Names answered with SERVFAIL, for the given types (none: for every type). */
    private final Map<Name, Set<Integer>> failing = new ConcurrentHashMap<>();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger queries = new AtomicInteger();

    private DnsResponder() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "dns-responder-" + socket.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    public static DnsResponder start() throws SocketException {
        return new DnsResponder();
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Adds records, each in zone-file syntax with an absolute owner name, e.g. "a.example. 300 IN MX 10 mx.a.example.". */
    public DnsResponder with(String... zoneLines) throws IOException {
        for (String line : zoneLines) {
            Record record = parse(line);
            records.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
        }
        return this;
    }

    /**
     * Queries for this name get SERVFAIL, as from a server whose upstream is broken: for the given types ("A", "MX"),
     * or for every type when none is given.
     */
    public DnsResponder failing(String name, String... types) throws IOException {
        failing.put(Name.fromString(name, Name.root), Arrays.stream(types).map(Type::value).collect(Collectors.toSet()));
        return this;
    }

    /** Queries for this name get no answer at all: the client times out. */
    public DnsResponder silentFor(String name) throws IOException {
        silent.add(Name.fromString(name, Name.root));
        return this;
    }

    /** How many queries have arrived. */
    public int queries() {
        return queries.get();
    }

    private static Record parse(String zoneLine) throws IOException {
        try (Master master = new Master(new ByteArrayInputStream(zoneLine.getBytes(StandardCharsets.US_ASCII)), Name.root, 300)) {
            Record record = master.nextRecord();
            if (record == null) {
                throw new IOException("not a record: " + zoneLine);
            }
            return record;
        }
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                queries.incrementAndGet();
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query);
                if (answer != null) {
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                // Closed, or a packet that is not DNS: nothing to answer.
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        if (question == null || silent.contains(question.getName())) {
            return null;
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
            response.getHeader().setFlag(Flags.RA);
        }
        response.addRecord(question, Section.QUESTION);
        List<Record> known = records.get(question.getName());
        Set<Integer> failingTypes = failing.get(question.getName());
        if (failingTypes != null && (failingTypes.isEmpty() || failingTypes.contains(question.getType()))) {
            response.getHeader().setRcode(Rcode.SERVFAIL);
        } else if (known == null) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        } else {
            known.stream().filter(r -> r.getType() == question.getType())
                    .forEach(r -> response.addRecord(r, Section.ANSWER));
        }
        return response.toWire(512);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(5_000);
    }
}
