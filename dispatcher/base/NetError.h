#pragma once

// A socket error as the code above platform/ sees it: a portable kind to decide
// on, plus the native code for log lines (platform::errorText() says it in the
// system's words). A plain value without socket calls, so a layer that knows
// nothing of sockets can map it (protocols/: socks5::replyFor).

namespace pt {

struct NetError
{
    enum class Kind
    {
        None,
        WouldBlock,      // non-blocking call would block: try again on readiness
        Interrupted,     // interrupted by a signal: try again now
        InProgress,      // a non-blocking connect has started
        Refused,         // RST to our SYN
        NetUnreachable,  // no route to the network, network down
        HostUnreachable, // no route to the host, host down
        TimedOut,
        AddressFamily, // address family not supported (no IPv6, say)
        Reset,         // connection reset or aborted by the peer
        NoResources,   // out of descriptors, buffers or memory
        Other,
    };
    Kind kind = Kind::None;
    int native = 0; // errno, or the WSA error code

    explicit operator bool() const { return kind != Kind::None; }
    bool transient() const { return kind == Kind::WouldBlock || kind == Kind::Interrupted; }

    static NetError of(Kind k, int native = 0) { return NetError{k, native}; }
};

} // namespace pt
