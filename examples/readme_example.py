import kinerja
target, realized = kinerja.parse_value("1 : 4.250"), kinerja.parse_value("1 : 4.347")
print(target.kind, target.number)                     # one case per 4,250 women
print(kinerja.achievement(target, realized, polarity="lower", rounding="half_up"))
print(kinerja.classify("KLA", kinerja.parse_value("742,340", "KLA").number))
audit = kinerja.audit_achievement("1 : 4.250", "1 : 4.347", "0.97", polarity="lower")
print(audit.consistent, audit.expected)               # Tabel 2.7 prints 0.97
print(kinerja.absorption("Rp 12.692.580.100", "Rp 11.840.364.035", rounding="half_up"))
print(kinerja.category(102.28), kinerja.achievement([60, 65], [72.79, 74.39]).round(2))
