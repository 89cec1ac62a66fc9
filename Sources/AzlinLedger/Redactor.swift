import Foundation

/// Removes secrets from anything that is written to a file or the screen.
///
/// The shell runs `text(_:)` on every typed line before anything else sees it — the audit
/// log, objectives, session records, transcripts, shell history, the screen, the parser and
/// an LLM request all get the redacted line — and again on argv and output as a second net.
/// Passwords, keys, tokens, connection strings, SAS query strings, PEM blocks, JWTs and
/// well-known token shapes are replaced by `***`.
public enum Redactor {
  /// The replacement text.
  public static let mask = "***"

  /// Flags whose value is a secret.
  static let secretFlags: Set<String> = [
    "--admin-password", "--password", "--secret", "--client-secret", "--account-key", "--sas-token",
    "--connection-string", "--key", "--token", "--api-key", "-p",
  ]

  /// Redacts an argv array: the value after a secret flag, `--flag=value` forms, and secrets inside values.
  public static func argv(_ arguments: [String]) -> [String] {
    var out: [String] = []
    var hideNext = false
    for arg in arguments {
      if hideNext {
        out.append(mask)
        hideNext = false
        continue
      }
      let lower = arg.lowercased()
      if secretFlags.contains(lower) {
        out.append(arg)
        hideNext = true
      } else if let eq = lower.firstIndex(of: "="), lower.hasPrefix("--"),
        secretFlags.contains(String(lower[..<eq]))
      {
        out.append(
          String(
            arg[
              ..<arg.index(arg.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: eq))
            ]) + "=" + mask)
      } else {
        out.append(text(arg))
      }
    }
    return out
  }

  /// Words that follow "password" and friends in plain speech and are no secret ("no password
  /// then", "password auth", "the password for it"): left as they are.
  private static let plainWords =
    "then|and|or|but|for|with|in|on|at|to|the|a|an|it|auth|authentication|login|sign-in|signin"
    + "|less|field|prompt|please|instead|too|also|either|just|so|yet|reset|manager|vault|policy"
    + "|expiry|expires|rotation|protected|based|of|my|your|their|this|that|from|was|were|are|be"
    + "|been|will|would|should|here|there|only|not|no|none|needed|required|ok|okay|fine|is|as"
    + "|now|equal|equals"

  /// What introduces a secret's value: `=`, `:`, or words such as "to", "as", "is", "be".
  private static let connector =
    #"(\s*[=:]\s*|\s+(?:(?:to|as|is|be|of|was|will|should|now|equal|equals|=|:)\s+)*)"#

  /// A secret's value: quoted, or one word (not a plain word).
  private static let value =
    #"("[^"]*"|'[^']*'|(?!(?:"# + plainWords + #")\b[\s,.;!?]*(?:\s|$))[^\s,;]+)"#

  /// Each pattern and what replaces its match.
  private static let patterns: [(NSRegularExpression, String)] = [
    // PEM blocks: everything from BEGIN to END (or to the end of the text).
    (
      #"-----BEGIN [A-Z0-9 ]*-----[\s\S]*?(?:-----END [A-Z0-9 ]*-----|$)"#, mask
    ),
    // Connection strings: AccountKey=…; SharedAccessSignature=…; Password=…
    (
      #"(?i)\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret)=([^;\s"']+)"#,
      "$1=" + mask
    ),
    // SAS query strings.
    (#"(?i)([?&](sig|se|sv|sp|spr|srt|ss|st|skoid|sktid|skt|ske|sks|skv)=)[^&\s"']+"#, "$1" + mask),
    // Secret flags: --admin-password X, --client-secret="X".
    (
      #"(?i)(--admin-password|--password|--secret|--client-secret|--account-key|--sas-token|--connection-string|--api-key|--token)(\s+|=)("[^"]*"|'[^']*'|\S+)"#,
      "$1$2" + mask
    ),
    // export NAME=VALUE, and NAME=VALUE where the name says it holds a secret.
    (#"(?i)\b(export\s+[A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S+)"#, "$1=" + mask),
    (
      #"(?i)\b([A-Za-z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|KEY|PWD|CREDENTIALS?|CONNECTION_?STRING|SAS)[A-Za-z0-9_]*)=("[^"]*"|'[^']*'|[^\s;&]+)"#,
      "$1=" + mask
    ),
    // Well-known token shapes.
    (#"\beyJ[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]{5,}\.[A-Za-z0-9_\-]*"#, mask),  // JWT
    (#"\b(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})"#, mask),
    (#"\bxox[abposr]-[A-Za-z0-9\-]{10,}"#, mask),
    (#"\b(sk-(ant-)?[A-Za-z0-9_\-]{16,})"#, mask),
    (#"\bAKIA[0-9A-Z]{16}\b"#, mask),
    // A long unbroken base64 run: a key, or a line of a pasted PEM block.
    (
      #"(?<![A-Za-z0-9+/_\-.])(?=[A-Za-z+/]*[0-9])(?=[0-9+/]*[A-Za-z])[A-Za-z0-9+/]{40,}={0,2}"#,
      mask
    ),
    (#"[A-Za-z0-9_\-.]{3}\dQ~[A-Za-z0-9_~.\-]{31,}"#, mask),  // Microsoft Entra client secret
    (#"(?i)\b(bearer)\s+[A-Za-z0-9._\-~+/]{16,}=*"#, "$1 " + mask),
    // "the password for sam is X", "change the password of web1 to X".
    (
      #"(?i)\b(passwords?|passwd|pwd|passphrase|secret|token|key)(\s+(?:for|of|on)\s+\S+\s+(?:is|to|as|=|:|should\s+be|will\s+be)\s+)"#
        + value,
      "$1$2" + mask
    ),
    // "my key: 8f3e…", "the key is X": a bare "key" only with an explicit "=", ":" or "is".
    (
      #"(?i)\b(key)(\s*[=:]\s*|\s+(?:is|=|:)\s+)"# + value,
      "$1$2" + mask
    ),
    // "set password to X", "the password as X", "client secret: X", "api key = X".
    (
      #"(?i)\b(passwords?|passwd|pwd|passphrase|pass\s+phrase|secret|client[_\- ]?secret|token|api[_\- ]?key|apikey|access[_\- ]key|account[_\- ]key|storage[_\- ]key|sas[_\- ]token|connection[_\- ]string)"#
        + connector + value,
      "$1$2" + mask
    ),
  ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

  /// Words and marks at least one of which every pattern's match contains (compared
  /// lowercased): a text with none of them and no long base64 run holds nothing to redact.
  private static let signs: [[UInt8]] = [
    "=", "--", "-----begin", "eyj", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "xox",
    "sk-", "akia", "q~", "bearer", "pass", "pwd", "secret", "token", "key", "sas", "connection",
  ].map { Array($0.utf8) }

  /// False only when no pattern can match `text`: most typed lines ("stop sam") are passed
  /// through without running the expressions (nor compiling them, at start-up). One pass over
  /// the bytes, ASCII-lowercased as it goes.
  static func mayHoldSecret(_ text: String) -> Bool {
    func lower(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
    let bytes = Array(text.utf8)
    var run = 0
    for i in bytes.indices {
      let b = bytes[i]
      let isBase64 =
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
        || b == 0x2B || b == 0x2F
      // A run of 40 or more base64 characters: the long-key pattern's shortest match.
      run = isBase64 ? run + 1 : 0
      if run >= 40 { return true }
      let first = lower(b)
      for sign in signs where sign[0] == first && i + sign.count <= bytes.count {
        var k = 1
        while k < sign.count && lower(bytes[i + k]) == sign[k] { k += 1 }
        if k == sign.count { return true }
      }
    }
    return false
  }

  /// Redacts secrets in free text such as a typed request or an error message.
  public static func text(_ input: String) -> String {
    guard input.count < 1_000_000 else {
      return input.isEmpty ? input : "[\(input.utf8.count) bytes not recorded]"
    }
    if let known = memo.redacted(input) { return known }
    guard mayHoldSecret(input) else { return input }
    var s = input
    for (regex, template) in patterns {
      let range = NSRange(s.startIndex..., in: s)
      s = regex.stringByReplacingMatches(in: s, range: range, withTemplate: template)
    }
    memo.remember(input, redacted: s)
    return s
  }

  /// Lines already redacted: the shell shows the same lines (a VM table, a price) turn after
  /// turn, and redacting is a pure function of the line.
  private static let memo = RedactionMemo()

  /// True when `word` is, or has the shape of, a secret (a token, a key, a redacted value):
  /// such a word is never accepted as a resource name.
  public static func looksLikeSecret(_ word: String) -> Bool {
    if word.contains(mask) { return true }
    return text(word) != word
  }
}
