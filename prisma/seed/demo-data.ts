/**
 * Demo accounts (documented in README "Demo accounts"). Only for demonstration databases:
 * `npm start` loads them unless DEMO_DATA=0.
 */
export const DEMO_STAFF_PASSWORD = "Demo-Pass-2026";
export const DEMO_APPLICANT_PASSWORD = "Applicant-2026";

type Staff = {
  login: string;
  role: "OFFICE_CLERK" | "HEAD" | "DEPUTY_HEAD" | "DEPARTMENT_HEAD" | "EXECUTOR" | "SUPERVISOR" | "ADMIN" | "PSC_OPERATOR" | "PSC_HEAD";
  organisation: string | null;
  surname: string;
  givenName: string;
  patronymic?: string;
  iin: string;
  canSign?: boolean;
  /** A demo EDS without the right to sign decisions (a PSC operator certifies scans [004 L645-648]). */
  eds?: boolean;
  supervisorScope?: "ORGANISATION" | "REGION" | "ALL";
};

// IINs below have valid check digits (lib/platform/core/iin-bin.ts).
export const DEMO_STAFF: Staff[] = [
  { login: "admin", role: "ADMIN", organisation: "committee", surname: "Әбенов", givenName: "Серік", iin: "780214300014" },
  { login: "ministry.supervisor", role: "SUPERVISOR", organisation: "committee", surname: "Жұмабаева", givenName: "Гүлнар", patronymic: "Асанқызы", iin: "750830400014", supervisorScope: "ALL" },

  { login: "aktobe.clerk", role: "OFFICE_CLERK", organisation: "aktobe", surname: "Сәрсенова", givenName: "Айгүл", iin: "900412400014" },
  { login: "aktobe.head", role: "HEAD", organisation: "aktobe", surname: "Тілеуов", givenName: "Марат", patronymic: "Болатұлы", iin: "700105300017", canSign: true },
  { login: "aktobe.executor", role: "EXECUTOR", organisation: "aktobe", surname: "Ермеков", givenName: "Данияр", iin: "880623300019" },
  { login: "aktobe.executor2", role: "EXECUTOR", organisation: "aktobe", surname: "Қасымова", givenName: "Әсел", iin: "920917400013" },
  { login: "aktobe.supervisor", role: "SUPERVISOR", organisation: "aktobe", surname: "Бекова", givenName: "Жанар", iin: "800301400010", supervisorScope: "ORGANISATION" },

  { login: "atyrau.clerk", role: "OFFICE_CLERK", organisation: "atyrau", surname: "Нұрланова", givenName: "Мадина", iin: "950115400019" },
  { login: "atyrau.head", role: "HEAD", organisation: "atyrau", surname: "Исмағұлов", givenName: "Ерлан", iin: "720810300013", canSign: true },
  { login: "atyrau.executor", role: "EXECUTOR", organisation: "atyrau", surname: "Сағынов", givenName: "Бауыржан", iin: "870404300016" },
  { login: "atyrau.supervisor", role: "SUPERVISOR", organisation: "atyrau", surname: "Омарова", givenName: "Сәуле", iin: "810919400011", supervisorScope: "ORGANISATION" },

  { login: "eko.clerk", role: "OFFICE_CLERK", organisation: "east-kazakhstan", surname: "Попова", givenName: "Елена", iin: "910726400013" },
  { login: "eko.head", role: "HEAD", organisation: "east-kazakhstan", surname: "Мұқанов", givenName: "Асқар", iin: "690512300015", canSign: true },
  { login: "eko.deputy", role: "DEPUTY_HEAD", organisation: "east-kazakhstan", surname: "Ахметова", givenName: "Динара", iin: "760228400013" },
  { login: "eko.department", role: "DEPARTMENT_HEAD", organisation: "east-kazakhstan", surname: "Смағұлов", givenName: "Нұрлан", iin: "820615300014" },
  { login: "eko.executor", role: "EXECUTOR", organisation: "east-kazakhstan", surname: "Қалиева", givenName: "Жансая", iin: "930130400017" },

  { login: "committee.clerk", role: "OFFICE_CLERK", organisation: "committee", surname: "Байжанова", givenName: "Ләззат", iin: "890808400012" },
  { login: "committee.head", role: "HEAD", organisation: "committee", surname: "Оспанов", givenName: "Қайрат", iin: "680321300015", canSign: true },
  { login: "committee.executor", role: "EXECUTOR", organisation: "committee", surname: "Жақсылықов", givenName: "Әлібек", iin: "860517300019" },
  // Public Service Centres: accept standard-2 packages, hand results over, take paper complaints.
  { login: "psc.operator", role: "PSC_OPERATOR", organisation: "psc-astana", surname: "Мұратова", givenName: "Айнұр", iin: "910315400019", eds: true },
  { login: "psc.head", role: "PSC_HEAD", organisation: "psc-astana", surname: "Байтасов", givenName: "Ержан", iin: "880722300017" },
  { login: "aktobe.psc", role: "PSC_OPERATOR", organisation: "psc-aktobe", surname: "Жұмағалиева", givenName: "Гүлмира", iin: "850210400014", eds: true },
];

type Applicant = {
  kind: "LEGAL_ENTITY" | "INDIVIDUAL_ENTREPRENEUR" | "INDIVIDUAL";
  identifier: string;
  name: string;
  legalAddress: string;
  head: { surname: string; givenName: string; patronymic?: string; iin: string };
  email: string;
  phone: string;
};

export const DEMO_APPLICANTS: Applicant[] = [
  {
    kind: "LEGAL_ENTITY",
    identifier: "050340000009",
    name: "«Ақтөбе Металл Ресурс» ЖШС",
    legalAddress: "Ақтөбе қ., Әбілқайыр хан даңғылы, 58",
    head: { surname: "Серікбаев", givenName: "Нұржан", patronymic: "Төлегенұлы", iin: "800115300002" },
    email: "info@aktobe-metall.example.kz",
    phone: "+7 7132 55 10 20",
  },
  {
    kind: "LEGAL_ENTITY",
    identifier: "110740000007",
    name: "«Каспий Вторчермет» ЖШС",
    legalAddress: "Атырау қ., Сатпаев даңғылы, 12",
    head: { surname: "Жаңабергенов", givenName: "Арман", iin: "851126400000" },
    email: "office@caspian-scrap.example.kz",
    phone: "+7 7122 30 40 50",
  },
  {
    kind: "LEGAL_ENTITY",
    identifier: "981240000001",
    name: "«Шығыс Астық Қоймасы» АҚ",
    legalAddress: "Өскемен қ., Қазақстан көшесі, 64",
    head: { surname: "Горбунов", givenName: "Виктор", patronymic: "Павлович", iin: "920312400004" },
    email: "grain@vko-sklad.example.kz",
    phone: "+7 7232 26 11 00",
  },
  {
    kind: "INDIVIDUAL_ENTREPRENEUR",
    identifier: "010520500001",
    name: "ЖК «Нұрсұлтанова Ә.»",
    legalAddress: "Астана қ., Мәңгілік Ел даңғылы, 8",
    head: { surname: "Нұрсұлтанова", givenName: "Әйгерім", iin: "010520500001" },
    email: "aigerim@example.kz",
    phone: "+7 701 555 44 33",
  },
];

/** Entries of the legal-entity registry sandbox: the demo entities plus unknown/liquidated cases. */
export const REGISTRY_ENTRIES = [
  ...DEMO_APPLICANTS.filter((a) => a.kind === "LEGAL_ENTITY").map((a) => ({
    bin: a.identifier,
    name: a.name,
    legalAddress: a.legalAddress,
    headName: [a.head.surname, a.head.givenName, a.head.patronymic].filter(Boolean).join(" "),
    headIin: a.head.iin,
    // BIN starts with YYMM of registration; 98 → 1998, 05 → 2005.
    registeredAt: new Date(`${Number(a.identifier.slice(0, 2)) > 50 ? "19" : "20"}${a.identifier.slice(0, 2)}-${a.identifier.slice(2, 4)}-15`),
    status: "ACTIVE",
  })),
  { bin: "150240000006", name: "«Жайық Сынық» ЖШС", legalAddress: "Орал қ., Х. Чурин көшесі, 20", headName: "Ғабдуллин Ерболат", headIin: "750830400014", registeredAt: new Date("2015-02-10"), status: "ACTIVE" },
  { bin: "200140000004", name: "«Жабылған Серіктестік» ЖШС", legalAddress: "Ақтөбе қ., Маресьев көшесі, 3", headName: "Тасболатов Ғалым", headIin: "700105300017", registeredAt: new Date("2020-01-20"), status: "LIQUIDATED" },
];
