#include "roster/generator/names.h"

namespace muster::roster::generator::names {
namespace {

using S = std::string_view;

constexpr S kGirls[] = {
    "Olivia",   "Amelia",  "Isla",    "Ava",       "Lily",   "Freya",  "Ivy",   "Florence",
    "Isabella", "Mia",     "Willow",  "Evie",      "Sophia", "Ella",   "Grace", "Poppy",
    "Sienna",   "Daisy",   "Elsie",   "Charlotte", "Aria",   "Evelyn", "Sofia", "Harper",
    "Matilda",  "Rosie",   "Emily",   "Phoebe",    "Alice",  "Millie", "Maya",  "Ruby",
    "Hannah",   "Zara",    "Aisha",   "Fatima",    "Maryam", "Amira",  "Layla", "Nadia",
    "Priya",    "Anaya",   "Chloe",   "Jessica",   "Megan",  "Lucy",   "Erin",  "Niamh",
    "Zofia",    "Maja",    "Amara",   "Chantelle", "Tia",    "Keira",  "Leah",  "Holly",
    "Imogen",   "Eleanor", "Harriet", "Beatrice",  "Orla",   "Molly",  "Thea",  "Ada"};
constexpr S kBoys[] = {
    "Muhammad", "Noah",   "Oliver",  "George",  "Leo",    "Arthur",    "Oscar",  "Theodore",
    "Freddie",  "Archie", "Jack",    "Alfie",   "Henry",  "Charlie",   "Thomas", "Harry",
    "Jacob",    "Joshua", "William", "Isaac",   "Lucas",  "Finley",    "Edward", "Ethan",
    "James",    "Max",    "Reuben",  "Ibrahim", "Yusuf",  "Adam",      "Zayn",   "Ayaan",
    "Arjun",    "Rohan",  "Daniel",  "Samuel",  "Joseph", "Dylan",     "Riley",  "Mason",
    "Logan",    "Kai",    "Tyler",   "Callum",  "Owen",   "Rhys",      "Jakub",  "Filip",
    "Kacper",   "Tobias", "Ezra",    "Louis",   "Albie",  "Harvey",    "Jayden", "Kofi",
    "Tomas",    "Elliot", "Hugo",    "Rory",    "Jenson", "Sebastian", "Felix",  "Ronnie"};
constexpr S kAdultGirls[] = {
    "Sarah",   "Emma",    "Laura",  "Rachel",   "Claire",    "Rebecca", "Gemma",    "Nicola",
    "Helen",   "Kate",    "Joanne", "Samantha", "Victoria",  "Hayley",  "Natalie",  "Louise",
    "Amanda",  "Lisa",    "Kelly",  "Michelle", "Stephanie", "Zoe",     "Jennifer", "Catherine",
    "Shabana", "Nasreen", "Sadia",  "Anjali",   "Agnieszka", "Joanna",  "Grace",    "Abena"};
constexpr S kAdultBoys[] = {
    "David",   "Paul",   "Mark",    "Andrew",  "Richard", "Christopher", "Daniel", "James",
    "Matthew", "Simon",  "Stephen", "Michael", "Robert",  "Jonathan",    "Gareth", "Lee",
    "Craig",   "Neil",   "Stuart",  "Ian",     "Gary",    "Darren",      "Imran",  "Tariq",
    "Asif",    "Sanjay", "Rajesh",  "Piotr",   "Tomasz",  "Kwame",       "Ben",    "Adam"};
constexpr S kFamilies[] = {
    "Smith",    "Jones",   "Taylor",    "Brown",     "Williams",  "Wilson",    "Johnson",
    "Davies",   "Patel",   "Robinson",  "Wright",    "Thompson",  "Evans",     "Walker",
    "White",    "Roberts", "Green",     "Hall",      "Thomas",    "Clarke",    "Jackson",
    "Wood",     "Harris",  "Edwards",   "Turner",    "Martin",    "Cooper",    "Hill",
    "Ward",     "Hughes",  "Moore",     "Clark",     "King",      "Harrison",  "Lewis",
    "Baker",    "Lee",     "Allen",     "Morris",    "Khan",      "Scott",     "Watson",
    "Davis",    "Parker",  "James",     "Bennett",   "Young",     "Phillips",  "Richardson",
    "Mitchell", "Bailey",  "Carter",    "Cook",      "Singh",     "Shaw",      "Bell",
    "Collins",  "Morgan",  "Kelly",     "Begum",     "Miller",    "Cox",       "Hussain",
    "Marshall", "Simpson", "Price",     "Anderson",  "Adams",     "Wilkinson", "Ali",
    "Ahmed",    "Foster",  "Ellis",     "Murphy",    "Chapman",   "Mason",     "Gray",
    "Richards", "Webb",    "Griffiths", "Hunt",      "Palmer",    "Campbell",  "Holmes",
    "Mills",    "Rogers",  "Barnes",    "Knight",    "Matthews",  "Barker",    "Powell",
    "Stevens",  "Kaur",    "Fisher",    "Butler",    "Dixon",     "Russell",   "Harvey",
    "Pearson",  "Graham",  "Fletcher",  "Nowak",     "Kowalski",  "Mensah",    "Okafor",
    "Nguyen",   "Chen",    "Sharma",    "Rahman",    "Mahmood",   "O'Brien",   "Doyle",
    "Fraser",   "Lloyd",   "Ashworth",  "Sutcliffe", "Pemberton", "Whitfield", "Hargreaves"};
constexpr S kPlaceStarts[] = {"Ash",  "Brook",  "Mill",  "Oak",   "Elm",    "Thorn",  "Haw",
                              "Wil",  "Bram",   "Fern",  "Hazel", "Kings",  "Lark",   "Marsh",
                              "Rook", "Stan",   "Wick",  "Cold",  "Red",    "Black",  "White",
                              "Long", "Nether", "Upper", "Holm",  "Bridge", "Castle", "Church",
                              "Dean", "Fair",   "Green", "Kirk"};
constexpr S kPlaceEnds[] = {"combe", "field", "bury",   "ford", "ley",     "ton",   "worth",
                            "wood",  "brook", "stead",  "dale", "gate",    "ham",   "well",
                            "moor",  "hurst", "thorpe", "wick", "minster", "bridge"};
constexpr S kSaints[] = {"St Aldhelm's",  "St Aidan's",  "St Chad's",    "St Hilda's",
                         "St Cuthbert's", "St Bede's",   "St Wilfrid's", "St Swithun's",
                         "St Oswald's",   "St Edmund's", "St Anselm's",  "St Frideswide's"};
constexpr S kTrustWords[] = {"Learning", "Horizons", "Compass",  "Endeavour", "Unity",
                             "Pathways", "Beacon",   "Keystone", "Spire",     "Meridian"};
constexpr S kHouses[][4] = {{"Brunel", "Darwin", "Nightingale", "Turing"},
                            {"Avon", "Severn", "Thames", "Trent"},
                            {"Ash", "Beech", "Oak", "Rowan"},
                            {"Franklin", "Hawking", "Lovelace", "Newton"},
                            {"Kestrel", "Falcon", "Merlin", "Osprey"},
                            {"Emerald", "Ruby", "Sapphire", "Topaz"}};
constexpr S kClassNames[] = {"Oak",      "Willow",   "Ash",   "Beech", "Birch",   "Cherry",
                             "Chestnut", "Elm",      "Hazel", "Holly", "Larch",   "Maple",
                             "Rowan",    "Sycamore", "Yew",   "Alder", "Juniper", "Aspen"};
constexpr S kMail[] = {"mail.example", "post.example", "inbox.example", "email.example"};

}  // namespace

std::span<const S> GirlNames() { return kGirls; }
std::span<const S> BoyNames() { return kBoys; }
std::span<const S> FamilyNames() { return kFamilies; }
std::span<const S> AdultGirlNames() { return kAdultGirls; }
std::span<const S> AdultBoyNames() { return kAdultBoys; }
std::span<const S> PlaceStarts() { return kPlaceStarts; }
std::span<const S> PlaceEnds() { return kPlaceEnds; }
std::span<const S> Saints() { return kSaints; }
std::span<const S> TrustWords() { return kTrustWords; }
std::span<const S> HouseSet(size_t pick) {
  return kHouses[pick % (sizeof kHouses / sizeof kHouses[0])];
}
std::span<const S> ClassNames() { return kClassNames; }
std::span<const S> MailDomains() { return kMail; }

}  // namespace muster::roster::generator::names
