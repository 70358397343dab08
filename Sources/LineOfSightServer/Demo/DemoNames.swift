/// Names for the demo authority: common in England across communities, for believable pages.
/// Fictional people; any likeness is chance.
enum DemoNames {
    static let girls = [
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya", "Willow", "Emily",
        "Ella", "Poppy", "Evie", "Sienna", "Ruby", "Daisy", "Maya", "Aisha", "Fatima", "Zara", "Maryam", "Hana", "Amira", "Layla",
        "Chloe", "Jessica", "Megan", "Leah", "Holly", "Niamh", "Keira", "Shannon", "Tia", "Precious", "Blessing", "Chantelle",
        "Zuzanna", "Maja", "Priya", "Anaya", "Simran", "Mei", "Aaliyah", "Esme", "Harper", "Skye",
    ]
    static let boys = [
        "Oliver", "George", "Noah", "Arthur", "Leo", "Oscar", "Harry", "Archie", "Jack", "Charlie", "Freddie", "Theo", "Thomas",
        "Alfie", "Jacob", "Riley", "Mason", "Logan", "Kai", "Tyler", "Muhammad", "Yusuf", "Ibrahim", "Omar", "Ayaan", "Zayn",
        "Hamza", "Bilal", "Connor", "Callum", "Liam", "Dylan", "Kieran", "Reece", "Jayden", "Tyrese", "Kwame", "Tobi", "Emmanuel",
        "Jakub", "Filip", "Arjun", "Rohan", "Dev", "Wei", "Jamal", "Malik", "Finley", "Reggie", "Louis",
    ]
    static let surnames = [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans",
        "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Ahmed", "Hussain", "Ali",
        "Begum", "Shah", "Singh", "Kaur", "Sharma", "Okafor", "Adeyemi", "Mensah", "Boateng", "Campbell", "Francis", "Grant",
        "Kowalski", "Nowak", "Wiśniewski", "O'Brien", "Murphy", "Kelly", "McDonald", "Hughes", "Edwards", "Lewis", "Harris",
        "Martin", "Cooper", "Ward", "Morris", "Turner", "Parker", "Chen", "Nguyen", "Mohamed", "Ibrahim", "Yilmaz", "Costa",
    ]
    static let adultFirstNames = [
        "Sarah", "Rachel", "Helen", "Claire", "Joanne", "Nadia", "Priti", "Grace", "Funmi", "Agnieszka", "Louise", "Kirsty",
        "Emma", "Hannah", "Rebecca", "Samina", "Fiona", "Julie", "Michelle", "Abena", "David", "Mark", "Paul", "Imran", "Tariq",
        "Daniel", "Chris", "Andrew", "Kevin", "Tunde", "James", "Richard", "Gareth", "Marcus", "Simon", "Ravi", "Stephen",
    ]
}
