// SPDX-License-Identifier: Apache-2.0
// Tests of the CSV plan import (plan_io.hpp, docs/plan-csv.md). The fixture
// tests/data/csv/tabel-6.1-program-2.08.02.csv transcribes Programme 2.08.02 of Tabel 6.1 of the
// seed (lines 1699-1710 of /work/shared/seeds/000_d2eaebda91ede3b0.txt): the programme, its three
// activities and five sub-activities, with targets and pagu for 2024, 2025, 2026 and the end
// column. Expected values are read off the seed by hand; lines and columns are counted by hand.
#include <catch2/catch.hpp>

#include "support.hpp"

#include <kinerja/error.hpp>
#include <kinerja/plan_io.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

using Catch::Matchers::Contains;
using kinerja::csv_options;
using kinerja::end_of_period;
using kinerja::file_error;
using kinerja::node_level;
using kinerja::parse_plan;
using kinerja::parse_plan_csv;
using kinerja::to_yaml;

namespace {

using kinerja_test::thrown;

// Lines joined with "\n": line k of the text is element k (1-based).
std::string lines(std::initializer_list<const char*> ls) {
    std::string out;
    for (const char* l : ls) out += std::string(l) + "\n";
    return out;
}

std::string fixture(const char* name) {
    std::string here = __FILE__;
    return here.substr(0, here.find_last_of("/\\")) + "/../data/csv/" + name;
}

// The text of the first printed value of a year, or "<none>".
std::string at(const kinerja::year_values& ys, kinerja::period_year year) {
    auto it = ys.find(year);
    return it == ys.end() || it->second.empty() ? "<none>" : it->second.front().text;
}

// The error of parsing `text`, which must be a file_error.
file_error csv_error(const std::string& text, const csv_options& options = {}) {
    auto e = thrown<file_error>([&] { parse_plan_csv(text, "t.csv", options); });
    REQUIRE(e);
    return *e;
}

const char* const header = "node_id,level,name,parent,indicator_id,indicator,year,target,budget,source";

}  // namespace

TEST_CASE("Programme 2.08.02 of Tabel 6.1 becomes nine nodes with nine indicators and their printed values",
          "[csv][plan]") {
    const kinerja::plan p = kinerja::load_plan_csv(fixture("tabel-6.1-program-2.08.02.csv"));

    CHECK(p.info.id == "tabel-6.1-program-2.08.02");
    CHECK(p.info.period_from == 2024);
    CHECK(p.info.period_to == 2026);
    REQUIRE(p.nodes.size() == 9);  // 1 programme, 3 activities, 5 sub-activities
    std::size_t indicators = 0;
    for (const auto& n : p.nodes) indicators += n.indicators.size();
    CHECK(indicators == 9);

    const kinerja::node& prog = p.nodes.front();
    CHECK(prog.id == "p-2.08.02");
    CHECK(prog.level == node_level::program);
    CHECK(prog.name == "Program Pengarusutamaan Gender Dan Pemberdayaan Perempuan");
    CHECK(prog.code_text() == "2.08.02");
    CHECK(prog.parent.empty());
    CHECK(prog.source == "Tabel 6.1");
    CHECK(at(prog.budget, 2024) == "3,700,000,000");
    CHECK(at(prog.budget, 2025) == "3.830,000,000");  // mixed separators, as printed
    CHECK(at(prog.budget, end_of_period) == "3.950,000,000");
    REQUIRE(prog.indicators.size() == 1);
    const kinerja::indicator& arg = prog.indicators.front();
    CHECK(arg.name == "Persentase Anggaran Responsif Gender (ARG)");
    CHECK(arg.polarity == kinerja::polarity::higher);
    CHECK(at(arg.targets, 2024) == "77.90%");
    CHECK(at(arg.targets, 2025) == "53.395%");
    CHECK(at(arg.targets, 2026) == "53.396%");
    CHECK(at(arg.targets, end_of_period) == "53.396%");
    CHECK(arg.realizations.empty());

    CHECK(p.children("p-2.08.02").size() == 3);
    CHECK(p.children("k-2.08.02.2.03").size() == 3);

    const kinerja::node* sk = p.find_node("sk-2.08.02.2.01.0001");
    REQUIRE(sk);
    CHECK(sk->level == node_level::sub_kegiatan);
    CHECK(sk->parent == "k-2.08.02.2.01");
    CHECK(!sk->code);
    CHECK(at(sk->budget, 2025) == "250.000.000");
    REQUIRE(sk->indicators.size() == 1);
    CHECK(at(sk->indicators[0].targets, 2024) == "44 OPD");
    CHECK(at(sk->indicators[0].targets, 2025) == "765 Orang");  // the seed changes the unit in 2025

    const kinerja::node* kie = p.find_node("sk-2.08.02.2.03-kie");
    REQUIRE(kie);
    CHECK(kie->name ==
          "Pengembangan Komunikasi, Informasi Dan Edukasi (Kie) Pemberdayaan Perempuan Kewenangan Kab/Kota");
    CHECK(at(kie->indicators.at(0).targets, 2025) == "2Dokumen");
    CHECK(at(p.find_node("k-2.08.02.2.03")->budget, 2025) == "4.862.220.800");

    // Line 11 is "k-2.08.02.2.01,,,,,,,,2025,,250.000.000,Tabel 6.1": the budget cell starts at
    // column 29 (14 characters of id, then 8 commas and "2025," and one more comma).
    const auto& loc = p.find_node("k-2.08.02.2.01")->budget.at(2025).front().location;
    CHECK(loc.file == fixture("tabel-6.1-program-2.08.02.csv"));
    CHECK(loc.line == 11);
    CHECK(loc.column == 29);
    // Line 67: "sk-2.08.02.2.03-kie" has 19 characters, so its budget cell starts at column 34.
    const auto& kloc = kie->budget.at(2025).front().location;
    CHECK(kloc.line == 67);
    CHECK(kloc.column == 34);
}

TEST_CASE("A CSV plan written as YAML and read back is the same plan", "[csv][plan]") {
    const kinerja::plan p = kinerja::load_plan_csv(fixture("tabel-6.1-program-2.08.02.csv"));
    const std::string yaml = to_yaml(p);
    const kinerja::plan back = parse_plan(yaml, "back.yaml");
    CHECK(back == p);
    CHECK(to_yaml(back) == yaml);
    CHECK(back.find_node("k-2.08.02.2.02")->budget.at(2025).front().text == "487.000.000");

    // Also with other sources, a scale, units, formulas, quotes and line breaks in cells.
    const std::string text = lines({
        "node_id,level,name,indicator_id,indicator,unit,polarity,formula,year,target,realization,reported_achievement,"
        "budget,source",
        "t-1,tujuan,\"Terwujudnya Kesetaraan \"\"gender\"\"\",,,,,,2024,,,,\"4,670,000,000\",Tabel 6.1",
        "t-1,,,ind-kla,Predikat Kota Layak Anak,Predikat,scale:KLA,,2024,Nindya,,,,Tabel 6.1",
        "t-1,,,ind-kla,,,,,2023,,Nindya,,,Tabel 2.7",
        "t-1,,,ind-rasio,Rasio kekerasan,Rasio,lower,\"Jumlah kekerasan /",
        "Jumlah perempuan x 100.000\",2020,1 : 4.000,1 : 4.545,1.14,,Tabel 2.7",
    });
    const kinerja::plan q = parse_plan_csv(text, "mixed.csv");
    const kinerja::plan q2 = parse_plan(to_yaml(q), "q.yaml");
    CHECK(q2 == q);
    const auto* rasio = q2.find_indicator("ind-rasio").second;
    REQUIRE(rasio);
    CHECK(rasio->formula->text == "Jumlah kekerasan /\nJumlah perempuan x 100.000");
    CHECK(at(rasio->reported_achievement, 2020) == "1.14");
    const auto* kla = q2.find_indicator("ind-kla").second;
    CHECK(kla->scale == "KLA");
    CHECK(!kla->polarity);
    CHECK(kla->realizations.at(2023).front().source == "Tabel 2.7");  // not its indicator's table
    CHECK(q2.nodes.front().name == "Terwujudnya Kesetaraan \"gender\"");
}

TEST_CASE("Semicolon files from Indonesian Excel are detected from the header line", "[csv][plan]") {
    // Tabel 6.1, programme 01 and one of its sub-activities (seed lines 1663-1668), with ';'
    // separating cells, so decimal commas need no quotes.
    const std::string text = lines({
        "node_id;level;code;name;parent;indicator_id;indicator;year;target;budget;source",
        "p-2.08.01;program;2.08.01;Program Penunjang Urusan Pemerintahan Daerah "
        "Kabupaten/Kota;;;;2024;;8,958,876,144;Tabel 6.1",
        "sk-gaji;sub_kegiatan;;Penyediaan Gaji dan Tunjangan ASN;p-2.08.01;;;2026;;6.741.576.000,00;Tabel 6.1",
        "sk-gaji;;;;;ind-gaji;Jumlah Orang yang Menerima Gaji dan Tunjangan ASN;2026;737Orang/bulan;;Tabel 6.1",
    });
    const kinerja::plan p = parse_plan_csv(text, "semikolon.csv");
    REQUIRE(p.nodes.size() == 2);
    CHECK(at(p.nodes[0].budget, 2024) == "8,958,876,144");
    CHECK(at(p.nodes[1].budget, 2026) == "6.741.576.000,00");
    CHECK(at(p.nodes[1].indicators.at(0).targets, 2026) == "737Orang/bulan");
    CHECK(p.info.period_from == 2024);
    CHECK(p.info.period_to == 2026);

    // The delimiter can also be given; a tab-separated header is detected as well.
    csv_options semicolon;
    semicolon.delimiter = ';';
    CHECK(parse_plan_csv(text, "s.csv", semicolon).nodes.size() == 2);
    const std::string tabs = "node_id\tlevel\tname\tyear\tbudget\tsource\nx\tprogram\tP, Q\t2024\t1,5\tT\n";
    CHECK(at(parse_plan_csv(tabs, "t.tsv").nodes.at(0).budget, 2024) == "1,5");
}

TEST_CASE("Pipe-separated tables are detected from the header line", "[csv][plan]") {
    // Issue 13: a '|'-separated export was read with ',' and failed with "a quote inside an
    // unquoted cell". The pagu and the name keep their commas without quotes.
    const std::string pipes = lines({
        "node_id|level|name|year|budget|source",
        "p-01|program|Program Penunjang, Kota|2024|8,958,876,144|Tabel 6.1",
    });
    const kinerja::plan p = parse_plan_csv(pipes, "pipa.csv");
    REQUIRE(p.nodes.size() == 1);
    CHECK(p.nodes[0].name == "Program Penunjang, Kota");
    CHECK(at(p.nodes[0].budget, 2024) == "8,958,876,144");
    // ',' still wins a tie: one ',' and one '|' in the header
    const std::string tie = "node_id,level|x\n";
    CHECK_THROWS_WITH(parse_plan_csv(tie, "tie.csv"), Contains("level|x"));
}

TEST_CASE("Quoted cells keep commas, doubled quotes and line breaks, and their own line and column", "[csv][plan]") {
    const std::string text = lines({
        header,
        "p-01,program,\"Program Penunjang, Kota\",,,,2024,,\"8,958,876,144\",Tabel 6.1",
        "p-01,,,,,,2025,,\"7,032,576,000\",\"Tabel 6.1\"",
        "k-01,kegiatan,\"Perencanaan",
        "dan \"\"Evaluasi\"\"\",p-01,,,2024,,-,Tabel 6.1",
    });
    const kinerja::plan p = parse_plan_csv(text, "q.csv");
    REQUIRE(p.nodes.size() == 2);
    CHECK(p.nodes[0].name == "Program Penunjang, Kota");
    const auto& v = p.nodes[0].budget.at(2024).front();
    CHECK(v.text == "8,958,876,144");
    CHECK(v.location.line == 2);
    CHECK(v.location.column == 49);  // "p-01,program," is 13, the quoted name 25 more, then ",,,,2024,," 10
    CHECK(p.nodes[0].budget.at(2025).front().text == "7,032,576,000");
    CHECK(p.nodes[0].source == "Tabel 6.1");
    CHECK(p.nodes[1].name == "Perencanaan\ndan \"Evaluasi\"");
    CHECK(p.nodes[1].location.line == 4);
    // The row starts on line 4; its budget cell "-" is on line 5, after `dan ""Evaluasi"""` (17
    // characters), ",p-01" and ",,,2024,,": column 32.
    const auto& dash = p.nodes[1].budget.at(2024).front();
    CHECK(dash.text == "-");  // a printed dash is kept
    CHECK(dash.location.line == 5);
    CHECK(dash.location.column == 32);
}

TEST_CASE("Empty cells are not printed, and spaces and case do not matter in the header", "[csv][plan]") {
    const std::string text =
        "\xEF\xBB\xBF"
        "Source, YEAR ,Node_ID,Level,Name,Budget,Budget_Realized\r\n"
        "Tabel 2.11,2022,p-1,Program,Program A,100,\r\n"
        "\r\n"
        ",,,,,,\r\n"
        "Tabel 2.11,2023,p-1,,,,95\r\n";
    const kinerja::plan p = parse_plan_csv(text, "crlf.csv");
    REQUIRE(p.nodes.size() == 1);
    const kinerja::node& n = p.nodes[0];
    CHECK(n.level == node_level::program);
    CHECK(at(n.budget, 2022) == "100");
    CHECK(n.budget.count(2023) == 0);  // empty cell: no entry at all
    CHECK(n.budget_realized.count(2022) == 0);
    CHECK(at(n.budget_realized, 2023) == "95");
    // The byte order mark is not a column: "Tabel 2.11" on line 5 starts at column 1, and "95" at 24.
    CHECK(n.budget_realized.at(2023).front().location.line == 5);
    CHECK(n.budget_realized.at(2023).front().location.column == 24);
    CHECK(n.location.line == 2);
    CHECK(n.location.column == 17);
}

TEST_CASE("Columns are counted in characters, not bytes", "[csv][plan]") {
    // "Kegiatan – Pagu" has an en dash (3 bytes in UTF-8, one character).
    const std::string text =
        lines({"node_id,name,level,year,budget,source", "k-1,Kegiatan \xE2\x80\x93 Pagu,kegiatan,2024,5,T"});
    const kinerja::plan p = parse_plan_csv(text, "u.csv");
    const auto& v = p.nodes.at(0).budget.at(2024).front();
    CHECK(v.location.column == 35);  // "k-1," 4 + 15 characters + "," + "kegiatan," 9 + "2024," 5 = 34
}

TEST_CASE("Plan identity comes from the options, with defaults from the file name", "[csv][plan]") {
    const std::string text = lines({"node_id,level,name,year,budget,source", "p,program,P,2025,1,T", "p,,,end,1,T"});
    const kinerja::plan d = parse_plan_csv(text, "/data/bekasi/renstra-2024.csv");
    CHECK(d.info.id == "renstra-2024");
    CHECK(d.info.title == "Plan read from renstra-2024.csv");
    CHECK(d.info.organisation == "unknown");
    CHECK(d.info.region == "unknown");
    CHECK(d.info.version == "main");
    CHECK(d.info.period_from == 2025);  // the end column is not a year of the period
    CHECK(d.info.period_to == 2025);
    CHECK(d.file == "/data/bekasi/renstra-2024.csv");
    CHECK(parse_plan_csv(text, "<string>").info.id == "csv-plan");

    csv_options o;
    o.id = "bekasi-dpppa-renstra-2024-2026";
    o.title = "Perubahan Renstra DPPPA Kota Bekasi 2024-2026";
    o.organisation = "DPPPA";
    o.region = "Kota Bekasi";
    o.period_from = 2024;
    o.period_to = 2026;
    o.version = "perubahan";
    const kinerja::plan g = parse_plan_csv(text, "x.csv", o);
    CHECK(g.info.id == o.id);
    CHECK(g.info.title == o.title);
    CHECK(g.info.organisation == "DPPPA");
    CHECK(g.info.region == "Kota Bekasi");
    CHECK(g.info.version == "perubahan");
    CHECK(g.info.period_from == 2024);
    CHECK(g.info.period_to == 2026);

    o.period_to = 0;
    auto half = thrown<kinerja::argument_error>([&] { parse_plan_csv(text, "x.csv", o); });
    REQUIRE(half);
    CHECK(half->id() == "kinerja.argument.csv_options");
    o.period_to = 2020;
    CHECK(thrown<kinerja::argument_error>([&] { parse_plan_csv(text, "x.csv", o); }));
    csv_options quote;
    quote.delimiter = '"';
    CHECK(thrown<kinerja::argument_error>([&] { parse_plan_csv(text, "x.csv", quote); }));
}

TEST_CASE("A node's source is that of its own rows, and a value from another table carries its table", "[csv][plan]") {
    const std::string text = lines({
        "node_id,level,name,indicator_id,indicator,year,target,budget,source",
        "s-1,sasaran,Meningkatnya perlindungan perempuan,ind-1,Rasio kekerasan,2024,23.00,,Tabel 7.3",
        "s-1,,,,,2024,,\"770,000,000\",Tabel 6.1",
        "s-1,,,ind-1,,2025,18.221,,Tabel 6.1",
        "s-2,sasaran,Tanpa pagu,,,,,,Tabel 4.5",
        "s-2,,,ind-2,Declared only,,,,Tabel 4.5",
    });
    const kinerja::plan p = parse_plan_csv(text, "s.csv");
    const kinerja::node& s1 = p.nodes.at(0);
    CHECK(s1.source == "Tabel 6.1");  // its row without indicator_id
    CHECK(s1.budget.at(2024).front().source.empty());
    const kinerja::indicator& i1 = s1.indicators.at(0);
    CHECK(i1.source == "Tabel 7.3");  // its first row
    CHECK(i1.targets.at(2024).front().source.empty());
    CHECK(i1.targets.at(2025).front().source == "Tabel 6.1");
    // Rows without a year declare a node or an indicator without values.
    const kinerja::node& s2 = p.nodes.at(1);
    CHECK(s2.budget.empty());
    CHECK(s2.indicators.at(0).name == "Declared only");
    CHECK(s2.indicators.at(0).targets.empty());
    CHECK(parse_plan(to_yaml(p)) == p);
}

TEST_CASE("Levels are read as the YAML names, also with spaces and capitals", "[csv][plan]") {
    const std::string text = lines({"node_id,level,name,parent,year,source", "a,Sub Kegiatan,A,b,2024,T",
                                    "b,KEGIATAN,B,,2024,T", "c,sasaran-rpd,C,,2024,T"});
    const kinerja::plan p = parse_plan_csv(text, "l.csv");
    CHECK(p.nodes.at(0).level == node_level::sub_kegiatan);
    CHECK(p.nodes.at(1).level == node_level::kegiatan);
    CHECK(p.nodes.at(2).level == node_level::sasaran_rpd);
    CHECK(p.nodes.at(0).parent == "b");  // a parent may come later in the table
}

// ----------------------------------------------------------------------------- syntax errors

TEST_CASE("An unterminated quote is reported where the quoted cell starts", "[csv][errors]") {
    const file_error e = csv_error(lines({header, "p,program,\"Program A,,,,2024,,1,T", "p,,,,,,2025,,2,T"}));
    CHECK(e.id() == "kinerja.csv.syntax");
    CHECK(e.file() == "t.csv");
    CHECK(e.line() == 2);
    CHECK(e.column() == 11);
    CHECK_THAT(e.reason(), Contains("never closed"));
    CHECK_THAT(std::string(e.what()), Contains("t.csv:2:11: "));
}

TEST_CASE("Text after a closing quote and a quote inside an unquoted cell are syntax errors", "[csv][errors]") {
    const file_error after = csv_error(lines({header, "p,program,\"Program\" A,,,,2024,,1,T"}));
    CHECK(after.id() == "kinerja.csv.syntax");
    CHECK(after.line() == 2);
    CHECK(after.column() == 20);  // the space after "Program"
    CHECK_THAT(after.reason(), Contains("after the closing quote"));

    const file_error inside = csv_error(lines({header, "p,program,Program \"A\",,,,2024,,1,T"}));
    CHECK(inside.id() == "kinerja.csv.syntax");
    CHECK(inside.line() == 2);
    CHECK(inside.column() == 19);
    CHECK_THAT(inside.reason(), Contains("quote inside an unquoted cell"));
}

TEST_CASE("A row with more cells than the header points at the first extra cell and at unquoted commas",
          "[csv][errors]") {
    // 8,958,876,144 without quotes makes four cells of one budget.
    const file_error e = csv_error(lines({header, "p,program,P,,,,2024,,8,958,876,144,Tabel 6.1"}));
    CHECK(e.id() == "kinerja.csv.syntax");
    CHECK(e.line() == 2);
    CHECK(e.column() == 28);  // "p,program,P,,,,2024,,8,958," is 27 characters; the 11th cell is "876"
    CHECK_THAT(e.reason(), Contains("has 13 cells, the header has 10"));
    CHECK_THAT(e.reason(), Contains("8,958,876,144"));
}

TEST_CASE("A row with fewer cells than the header is reported where it ends", "[csv][errors]") {
    const file_error e = csv_error(lines({header, "p,program,P,,,,2024,,1,T", "p,,,,,,2025,1,T"}));
    CHECK(e.id() == "kinerja.csv.syntax");
    CHECK(e.line() == 3);
    CHECK(e.column() == 16);
    CHECK_THAT(e.reason(), Contains("line 3 has 9 cells, the header has 10"));

    // A row whose quoted name spans lines 2 and 3 and then lacks its source cell.
    const file_error multi = csv_error(lines({header, "p,program,\"Program", "A\",,,,2024,,1"}));
    CHECK(multi.line() == 3);
    CHECK(multi.column() == 14);
    CHECK_THAT(multi.reason(), Contains("the row on lines 2-3 has 9 cells"));
}

TEST_CASE("A delimiter at the end of a row is an extra empty cell", "[csv][errors]") {
    const file_error e = csv_error(lines({"node_id;level;name;year;budget;source", "p;program;P;2024;8,9;T;"}));
    CHECK(e.id() == "kinerja.csv.syntax");
    CHECK(e.line() == 2);
    CHECK(e.column() == 24);
    CHECK_THAT(e.reason(),
               Contains("line 2 has 7 cells, the header has 6; the row ends with ';' beyond the last column"));
}

TEST_CASE("Text that is not UTF-8 is refused with its line and column", "[csv][errors]") {
    // "Kegiatan \x96 Pagu": an en dash in Windows-1252.
    const file_error e = csv_error("node_id,name,level,year,source\nk,Kegiatan \x96 Pagu,kegiatan,2024,T\n");
    CHECK(e.id() == "kinerja.csv.syntax");
    CHECK(e.line() == 2);
    CHECK(e.column() == 12);
    CHECK_THAT(e.reason(), Contains("0x96"));
    CHECK_THAT(e.reason(), Contains("UTF-8"));
}

// ----------------------------------------------------------------------------- header errors

TEST_CASE("An unknown column is named and the known columns are listed", "[csv][errors]") {
    const file_error e = csv_error(lines({"node_id,level,name,satuan,year,source", "p,program,P,Persen,2024,T"}));
    CHECK(e.id() == "kinerja.csv.schema");
    CHECK(e.line() == 1);
    CHECK(e.column() == 20);
    CHECK_THAT(e.reason(), Contains("unknown column \"satuan\""));
    CHECK_THAT(e.reason(), Contains("node_id, level, code, name, parent, responsible, indicator_id, indicator, unit, "
                                    "polarity, formula, year, target, realization, budget, budget_realized, "
                                    "reported_achievement, source"));
}

TEST_CASE("Missing required columns, a column given twice and an empty table are schema errors", "[csv][errors]") {
    const file_error missing = csv_error(lines({"node_id,name,budget", "p,P,1"}));
    CHECK(missing.id() == "kinerja.csv.schema");
    CHECK(missing.line() == 1);
    CHECK(missing.column() == 1);
    CHECK_THAT(missing.reason(), Contains("level, year, source"));

    const file_error twice = csv_error(lines({"node_id,level,name,Year,year,source"}));
    CHECK(twice.id() == "kinerja.csv.schema");
    CHECK(twice.column() == 25);
    CHECK_THAT(twice.reason(), Contains("year appears twice"));

    const file_error unnamed = csv_error(lines({"node_id,level,name,year,source,", "p,program,P,2024,T,"}));
    CHECK(unnamed.column() == 32);
    CHECK_THAT(unnamed.reason(), Contains("column 6 of the header has no name"));

    const file_error empty = csv_error("\n\n");
    CHECK(empty.id() == "kinerja.csv.schema");
    CHECK_THAT(empty.reason(), Contains("empty"));
}

// ----------------------------------------------------------------------------- row errors

TEST_CASE("Two rows for the same node-year or indicator-year are refused, naming both lines", "[csv][errors]") {
    const file_error node =
        csv_error(lines({header, "p,program,P,,,,2024,,1,T", "p,,,,,,2025,,2,T", "p,,,,,,2024,,3,T"}));
    CHECK(node.id() == "kinerja.csv.schema");
    CHECK(node.line() == 4);
    CHECK(node.column() == 8);
    CHECK_THAT(node.reason(), Contains("node \"p\" has two rows for year 2024: line 2 and line 4"));

    const file_error ind = csv_error(lines({header, "p,program,P,,i,Ind,end,1,,T", "p,,,,i,,END,2,,T"}));
    CHECK(ind.line() == 3);
    CHECK(ind.column() == 9);
    CHECK_THAT(ind.reason(), Contains("indicator \"i\" has two rows for year END: line 2 and line 3"));
}

TEST_CASE("Unknown levels and malformed years are refused at their cell", "[csv][errors]") {
    const file_error level = csv_error(lines({header, "p,programme,P,,,,2024,,1,T"}));
    CHECK(level.id() == "kinerja.csv.schema");
    CHECK(level.line() == 2);
    CHECK(level.column() == 3);
    CHECK_THAT(level.reason(), Contains("unknown level \"programme\""));
    CHECK_THAT(level.reason(), Contains("sub_kegiatan"));

    for (const char* y : {"24", "2024a", "TA 2024", "9999", "0202"}) {
        const file_error e = csv_error(std::string(header) + "\np,program,P,,,," + y + ",,1,T\n");
        CHECK(e.id() == "kinerja.csv.schema");
        CHECK(e.line() == 2);
        CHECK(e.column() == 16);
        CHECK_THAT(e.reason(), Contains("year must be a year such as 2024"));
    }
}

TEST_CASE("A parent that is not a node of the table is a reference error at the parent cell", "[csv][errors]") {
    const file_error e = csv_error(lines({header, "p,program,P,,,,2024,,1,T", "k,kegiatan,K,s-2.1,,,2024,,1,T"}));
    CHECK(e.id() == "kinerja.plan.reference");
    CHECK(e.line() == 3);
    CHECK(e.column() == 14);
    CHECK_THAT(e.reason(), Contains("the parent of node \"k\", \"s-2.1\" does not exist"));

    const file_error ind = csv_error(lines({header, "p,program,P,,i,Ind,2024,1,,T", "k,kegiatan,K,i,,,2024,,1,T"}));
    CHECK(ind.id() == "kinerja.plan.reference");
    CHECK_THAT(ind.reason(), Contains("is an indicator, not a node"));

    const file_error cycle = csv_error(lines({header, "a,program,A,b,,,2024,,1,T", "b,program,B,a,,,2024,,1,T"}));
    CHECK(cycle.id() == "kinerja.plan.reference");
    CHECK(cycle.line() == 2);
    CHECK(cycle.column() == 13);
    CHECK_THAT(cycle.reason(), Contains("cycle"));
    CHECK_THAT(cycle.reason(), Contains("node \"a\" is its own ancestor: the parent links a -> b -> a"));

    // a node that is its own parent; its parent cell is column 13 of line 3
    const file_error self = csv_error(lines({header, "p,program,P,,,,2024,,1,T", "a,program,A,a,,,2024,,1,T"}));
    CHECK(self.id() == "kinerja.plan.reference");
    CHECK(self.line() == 3);
    CHECK(self.column() == 13);
    CHECK_THAT(self.reason(), Contains("the parent links a -> a form a cycle"));
}

TEST_CASE("Repeated node or indicator attributes that differ are refused, naming both lines", "[csv][errors]") {
    const file_error name =
        csv_error(lines({header, "p,program,Program A,,,,2024,,1,T", "p,program,Program B,,,,2025,,1,T"}));
    CHECK(name.id() == "kinerja.csv.schema");
    CHECK(name.line() == 3);
    CHECK(name.column() == 11);
    CHECK_THAT(name.reason(),
               Contains("node \"p\": name \"Program B\" on line 3 differs from \"Program A\" on line 2"));

    // The same level written differently agrees.
    CHECK_NOTHROW(parse_plan_csv(lines({header, "p,program,P,,,,2024,,1,T", "p,PROGRAM,P,,,,2025,,1,T"}), "t.csv"));
    const file_error level = csv_error(lines({header, "p,program,P,,,,2024,,1,T", "p,kegiatan,P,,,,2025,,1,T"}));
    CHECK(level.column() == 3);
    CHECK_THAT(level.reason(), Contains("level \"kegiatan\" on line 3 differs from \"program\" on line 2"));

    const file_error ind =
        csv_error(lines({header, "p,program,P,,i,Rasio,2024,1,,T", "p,,,,i,Rasio kekerasan,2025,1,,T"}));
    CHECK(ind.line() == 3);
    CHECK(ind.column() == 8);
    CHECK_THAT(ind.reason(),
               Contains("indicator \"i\": indicator \"Rasio kekerasan\" on line 3 differs from \"Rasio\" on line 2"));

    const file_error moved = csv_error(lines({header, "p,program,P,,i,I,2024,1,,T", "q,program,Q,,i,,2025,1,,T"}));
    CHECK(moved.id() == "kinerja.csv.schema");
    CHECK(moved.line() == 3);
    CHECK(moved.column() == 1);
    CHECK_THAT(moved.reason(), Contains("belongs to node \"p\" on line 2, but line 3 puts it under node \"q\""));
}

TEST_CASE("An id used for a node and an indicator is a duplicate id", "[csv][errors]") {
    const file_error e = csv_error(lines({header, "p,program,P,,,,2024,,1,T", "q,program,Q,,p,Ind,2024,1,,T"}));
    CHECK(e.id() == "kinerja.plan.duplicate_id");
    CHECK(e.line() == 3);
    CHECK(e.column() == 14);
    CHECK_THAT(e.reason(), Contains("id \"p\" is used twice: as node_id on line 2 and as indicator_id on line 3"));
}

TEST_CASE("Values on the wrong kind of row or without a year are refused", "[csv][errors]") {
    const file_error budget = csv_error(lines({header, "p,program,P,,i,Ind,2024,100%,\"1,000\",T"}));
    CHECK(budget.id() == "kinerja.csv.schema");
    CHECK(budget.line() == 2);
    CHECK(budget.column() == 30);
    CHECK_THAT(budget.reason(), Contains("budget is a value of a node"));

    const file_error target = csv_error(lines({header, "p,program,P,,,,2024,100%,1,T"}));
    CHECK(target.column() == 21);
    CHECK_THAT(target.reason(), Contains("target belongs to an indicator, but indicator_id is empty"));

    const file_error year = csv_error(lines({header, "p,program,P,,,,,,500,T"}));
    CHECK(year.column() == 18);
    CHECK_THAT(year.reason(), Contains("budget \"500\" needs a year"));
}

TEST_CASE("Rows need a node_id and a source, and every node a level and a name", "[csv][errors]") {
    const file_error id = csv_error(lines({header, " ,program,P,,,,2024,,1,T"}));
    CHECK(id.id() == "kinerja.csv.schema");
    CHECK(id.line() == 2);
    CHECK(id.column() == 1);
    CHECK_THAT(id.reason(), Contains("node_id is empty"));

    const file_error source = csv_error(lines({header, "p,program,P,,,,2024,,1,"}));
    CHECK(source.column() == 24);
    CHECK_THAT(source.reason(), Contains("source is empty"));

    const file_error level = csv_error(lines({header, "p,,P,,,,2024,,1,T", "p,,,,,,2025,,1,T"}));
    CHECK(level.line() == 2);
    CHECK(level.column() == 3);
    CHECK_THAT(level.reason(), Contains("node \"p\" has no level"));

    const file_error name = csv_error(lines({header, "p,program,,,,,2024,,1,T"}));
    CHECK(name.column() == 11);
    CHECK_THAT(name.reason(), Contains("node \"p\" has no name"));

    const file_error ind = csv_error(lines({header, "p,program,P,,i,,2024,1,,T"}));
    CHECK(ind.line() == 2);
    CHECK(ind.column() == 16);
    CHECK_THAT(ind.reason(), Contains("indicator \"i\" has no name"));
}

TEST_CASE("Polarity is higher, lower or a built-in scale", "[csv][errors]") {
    const std::string head = "node_id,level,name,indicator_id,indicator,polarity,year,target,source";
    const file_error bad = csv_error(lines({head.c_str(), "p,program,P,i,I,better,2024,1,T"}));
    CHECK(bad.id() == "kinerja.csv.schema");
    CHECK(bad.column() == 17);
    CHECK_THAT(bad.reason(), Contains("polarity must be higher, lower or scale:NAME"));

    const file_error scale = csv_error(lines({head.c_str(), "p,program,P,i,I,scale:APE-X,2024,1,T"}));
    CHECK(scale.id() == "kinerja.plan.reference");
    CHECK(scale.column() == 17);
    CHECK_THAT(scale.reason(), Contains("scale \"APE-X\""));

    const file_error differ =
        csv_error(lines({head.c_str(), "p,program,P,i,I,higher,2024,1,T", "p,,,i,,lower,2025,1,T"}));
    CHECK(differ.line() == 3);
    CHECK_THAT(differ.reason(), Contains("polarity \"lower\" on line 3 differs from \"higher\" on line 2"));
}

TEST_CASE("A table without any year needs the period in the options", "[csv][errors]") {
    const std::string text = lines({"node_id,level,name,year,source", "p,program,P,end,T"});
    const file_error e = csv_error(text);
    CHECK(e.id() == "kinerja.csv.schema");
    CHECK(e.line() == 1);
    CHECK(e.column() == 20);
    CHECK_THAT(e.reason(), Contains("period_from and period_to"));
    csv_options o;
    o.period_from = 2024;
    o.period_to = 2026;
    CHECK(parse_plan_csv(text, "t.csv", o).info.period_to == 2026);
}

TEST_CASE("A CSV file that cannot be opened is an io error", "[csv][errors]") {
    auto e = thrown<file_error>([] { kinerja::load_plan_csv("/nonexistent/dir/plan.csv"); });
    REQUIRE(e);
    CHECK(e->id() == "kinerja.plan.io");
    CHECK(e->file() == "/nonexistent/dir/plan.csv");
}

TEST_CASE("The example of docs/plan-csv.md reads as the documentation says", "[csv][plan]") {
    const std::string text = lines({
        "node_id,level,code,name,parent,indicator_id,indicator,polarity,year,target,budget,source",
        "p-2.08.02,program,2.08.02,Program Pengarusutamaan Gender Dan Pemberdayaan "
        "Perempuan,,,,,2024,,\"3,700,000,000\",Tabel 6.1",
        "p-2.08.02,,,,,,,,2025,,\"3.830,000,000\",Tabel 6.1",
        "p-2.08.02,,,,,ind-p-2.08.02,Persentase Anggaran Responsif Gender (ARG),higher,2024,77.90%,,Tabel 6.1",
        "p-2.08.02,,,,,ind-p-2.08.02,,,2025,53.395%,,Tabel 6.1",
        "k-2.08.02.2.01,kegiatan,2.08.02.2.01,Pelembagaan Pengarusutamaan Gender (Pug) Pada Lembaga Pemerintah "
        "Kewenangan Kab/Kota,p-2.08.02,,,,2024,,\"400,000,000\",Tabel 6.1",
        "k-2.08.02.2.01,,,,,,,,2025,,250.000.000,Tabel 6.1",
        "k-2.08.02.2.01,,,,,ind-k-2.08.02.2.01,Persentase Capaian Pelaksanaan Pelembagaan Pengarusutamaan Gender (Pug) "
        "Pada Lembaga Pemerintah Kewenangan Kab/Kota,higher,2024,100%,,Tabel 6.1",
    });
    const kinerja::plan p = parse_plan_csv(text, "tabel-6.1.csv");
    REQUIRE(p.nodes.size() == 2);
    CHECK(p.nodes[0].indicators.size() == 1);
    CHECK(p.nodes[1].indicators.size() == 1);
    CHECK(at(p.nodes[0].budget, 2024) == "3,700,000,000");
    CHECK(at(p.nodes[0].budget, 2025) == "3.830,000,000");
    CHECK(at(p.nodes[0].indicators[0].targets, 2024) == "77.90%");
    CHECK(at(p.nodes[0].indicators[0].targets, 2025) == "53.395%");
    CHECK(p.nodes[1].parent == "p-2.08.02");
    CHECK(p.info.id == "tabel-6.1");
    CHECK(p.info.period_from == 2024);
    CHECK(p.info.period_to == 2025);

    const std::string semicolon = lines({
        "node_id;level;code;name;parent;indicator_id;indicator;polarity;year;target;budget;source",
        "p-2.08.02;program;2.08.02;Program Pengarusutamaan Gender Dan Pemberdayaan "
        "Perempuan;;;;;2024;;3,700,000,000;Tabel 6.1",
    });
    CHECK(at(parse_plan_csv(semicolon, "s.csv").nodes.at(0).budget, 2024) == "3,700,000,000");
}

TEST_CASE("A quoted empty cell in a value column is a printed blank, an empty cell is not printed", "[csv][plan]") {
    const kinerja::plan p = parse_plan_csv(lines({header,
                                                  "s-1,sasaran,S,,,,2024,,\"\",T",  // pagu printed blank
                                                  "s-1,,,,,,2025,,,T",              // pagu not printed
                                                  "s-1,,,,i-1,I,2024,\"\",,T",      // target printed blank
                                                  "s-1,,,,i-1,,2025,,,T",           // target not printed
                                                  "s-1,,,,i-1,,,\"\",,T"}),         // no year: "" says nothing
                                           "t.csv");
    REQUIRE(p.nodes.size() == 1);
    const kinerja::node& n = p.nodes.front();
    REQUIRE(n.budget.count(2024) == 1);
    REQUIRE(n.budget.at(2024).size() == 1);
    CHECK(n.budget.at(2024).front().text.empty());
    CHECK(n.budget.at(2024).front().location.line == 2);
    CHECK(n.budget.at(2024).front().location.column == 24);  // "s-1,sasaran,S,,,,2024,," is 23 characters
    CHECK(n.budget.count(2025) == 0);
    const kinerja::indicator& i = n.indicators.at(0);
    REQUIRE(i.targets.count(2024) == 1);
    CHECK(i.targets.at(2024).front().text.empty());
    CHECK(i.targets.count(2025) == 0);
    CHECK(i.targets.size() == 1);
    // the same as YAML's printed blank: the saved plan writes "" for 2024 and nothing for 2025
    const std::string yaml = to_yaml(p);
    CHECK_THAT(yaml, Contains("    budget:\n      2024: \"\"\n    source"));
    CHECK_THAT(yaml, Contains("        targets:\n          2024: \"\"\n        source"));
    // a quoted cell with text is text as usual, and "" in an attribute column is an empty attribute
    const kinerja::plan q = parse_plan_csv(lines({header, "s-1,sasaran,S,\"\",,,2024,,\"1,5\",T"}), "t.csv");
    CHECK(q.nodes.front().parent.empty());
    CHECK(at(q.nodes.front().budget, 2024) == "1,5");
}

namespace {

// Rows of cells as a spreadsheet gives them: each cell's text at (row, column), from column 1.
std::vector<std::vector<kinerja::table_cell>> sheet(const std::vector<std::vector<std::string>>& texts) {
    std::vector<std::vector<kinerja::table_cell>> rows;
    for (std::size_t r = 0; r < texts.size(); ++r) {
        rows.emplace_back();
        for (std::size_t c = 0; c < texts[r].size(); ++c)
            rows.back().push_back(kinerja::table_cell{texts[r][c], static_cast<int>(r + 1), static_cast<int>(c + 1)});
    }
    return rows;
}

}  // namespace

TEST_CASE("A table given as cells reads as the CSV table, located by row and column", "[csv][plan]") {
    // the same two rows as CSV text and as cells; the CSV's pagu cell starts at character 39 of
    // line 2, the sheet's is column 6 (F) of row 2
    const std::string text =
        "node_id,level,name,year,source,budget\n"
        "p-1,program,Program Satu,2024,Tabel X,\"1,000\"\n"
        "k-1,kegiatan,Kegiatan Satu,2024,Tabel X,\"1,500\"\n";
    auto rows = sheet({{"node_id", "level", "name", "year", "source", "budget"},
                       {"p-1", "program", "Program Satu", "2024", "Tabel X", "1,000"},
                       {"k-1", "kegiatan", "Kegiatan Satu", "2024", "Tabel X", "1,500"}});
    kinerja::csv_options titled;
    titled.title = "T";  // the default title names the file, which differs
    const kinerja::plan from_csv = kinerja::parse_plan_csv(text, "t.csv", titled);
    const kinerja::plan from_cells = kinerja::parse_plan_table(rows, "t.xlsx", titled);
    CHECK(kinerja::to_yaml(from_cells) == kinerja::to_yaml(from_csv));
    const auto& pagu = from_cells.find_node("p-1")->budget.at(2024).front();
    CHECK(pagu.text == "1,000");
    CHECK(pagu.location.to_string() == "t.xlsx:2:6");
    CHECK(from_csv.find_node("p-1")->budget.at(2024).front().location.to_string() == "t.csv:2:39");

    SECTION("a row that ends early has empty cells; text beyond the header is an error at its cell") {
        auto short_rows = rows;
        short_rows[2].pop_back();  // k-1 prints no pagu
        const kinerja::plan p = kinerja::parse_plan_table(short_rows, "t.xlsx");
        CHECK(p.find_node("k-1")->budget.empty());
        auto long_rows = rows;
        long_rows[1].push_back(kinerja::table_cell{"", 2, 7});
        long_rows[1].push_back(kinerja::table_cell{"a note", 2, 8});
        const auto e = thrown<kinerja::file_error>([&] { (void)kinerja::parse_plan_table(long_rows, "t.xlsx"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.csv.schema");
        CHECK(e->line() == 2);
        CHECK(e->column() == 8);
        CHECK_THAT(e->what(), Catch::Matchers::Contains("beyond the header's last column (column 6)"));
    }
    SECTION("schema errors name the cell and no delimiter") {
        auto no_source = rows;
        for (auto& r : no_source) r.erase(r.begin() + 4);  // the source column
        for (auto& r : no_source)
            for (std::size_t c = 0; c < r.size(); ++c) r[c].column = static_cast<int>(c + 1);
        const auto e = thrown<kinerja::file_error>([&] { (void)kinerja::parse_plan_table(no_source, "t.xlsx"); });
        REQUIRE(e);
        CHECK(e->id() == "kinerja.csv.schema");
        CHECK(e->line() == 1);
        CHECK_THAT(e->what(), Catch::Matchers::Contains("lacks the required column(s) source"));
        CHECK_THAT(e->what(), !Catch::Matchers::Contains("delimiter"));
    }
    SECTION("a cell without a place, and text that is not UTF-8") {
        auto unplaced = rows;
        unplaced[1][2].row = 0;
        const auto a = thrown<kinerja::argument_error>([&] { (void)kinerja::parse_plan_table(unplaced, "t.xlsx"); });
        REQUIRE(a);
        CHECK(a->id() == "kinerja.argument.table_cell");
        auto latin1 = rows;
        latin1[2][2].text = "Kegiatan \xe9";
        const auto e = thrown<kinerja::file_error>([&] { (void)kinerja::parse_plan_table(latin1, "t.xlsx"); });
        REQUIRE(e);
        CHECK(e->line() == 3);
        CHECK(e->column() == 3);
    }
}
